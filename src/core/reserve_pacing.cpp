#include <herokupp/reserve_pacing.hpp>

#include <algorithm>

namespace herokupp {

ReservePacing::ReservePacing(ReservePacingOptions options)
    : o_(options),
      starting_(options.starting_pause_s),
      rng_(options.seed != 0 ? options.seed : std::random_device{}()) {
  if (o_.capacity < 1) o_.capacity = 1;
  if (o_.refill_per_second <= 0) o_.refill_per_second = 4500 / 3600.0;
  if (o_.reserve_share <= 0 || o_.reserve_share > 1) o_.reserve_share = 0.01;
  if (o_.max_pause_tokens < 0) o_.max_pause_tokens = 0;
}

double ReservePacing::curve(double remaining) const {
  // A small bucket still needs a few tokens of warning before it is empty.
  double const reserve = std::min(o_.capacity / 2, std::max(10.0, o_.capacity * o_.reserve_share));
  if (remaining >= reserve) return 0;
  double const longest = o_.max_pause_tokens / o_.refill_per_second;
  return longest * (1.0 - std::max(0.0, remaining) / reserve);
}

PacingStrategy::Seconds ReservePacing::before_request() {
  if (starting_ > 0) {
    double const first = starting_;
    starting_ = 0;
    return Seconds(first);
  }
  if (!remaining_) return Seconds(0);
  double const pause = curve(*remaining_) * pressure_;
  if (pause <= 0) return Seconds(0);
  // Jitter only downwards, so the curve's top stays the longest pause, and
  // callers that answered together do not all come back together.
  return Seconds(pause * std::uniform_real_distribution<double>(0.9, 1.0)(rng_));
}

PacingStrategy::Seconds ReservePacing::after_response(int status, std::optional<long> remaining) {
  if (status == 429) {
    remaining_ = remaining ? static_cast<double>(*remaining) : 0.0;
    // One 429 means the curve was late (callers started blind, say); 429s in
    // a row mean more callers than the curve covers.
    if (last_was_429_) pressure_ = std::min(pressure_ * 1.5, 12.0);
    last_was_429_ = true;
    double const pause = std::max(curve(*remaining_), 1.0 / o_.refill_per_second) * pressure_;
    return Seconds(pause * std::uniform_real_distribution<double>(0.9, 1.0)(rng_));
  }
  if (status >= 200 && status < 400) {
    if (remaining) remaining_ = static_cast<double>(*remaining);
    last_was_429_ = false;
    pressure_ = std::max(1.0, pressure_ * 0.9);
  }
  return Seconds(0);
}

}  // namespace herokupp
