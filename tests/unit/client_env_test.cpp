// ClientOptions::from_env: HEROKU_API_KEY, then ~/.netrc; HEROKU_API_URL,
// then HEROKU_HOST. Every case runs with a temporary HOME.
#include <herokupp/client_env.hpp>

#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace {

class TempHome {
 public:
  TempHome() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("herokupp-home-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
  }
  ~TempHome() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  void netrc(std::string const& text) const { std::ofstream(dir_ / ".netrc") << text; }
  std::string path() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
};

herokupp::ClientOptions from(std::map<std::string, std::string> vars) {
  return herokupp::client_options_from_env(
      [vars = std::move(vars)](std::string const& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
      });
}

constexpr char const* heroku_login_netrc = R"(machine api.heroku.com
  login dana@example.com
  password HRKU-from-netrc-0001
machine git.heroku.com
  login dana@example.com
  password HRKU-git-0002
)";

}  // namespace

TEST_CASE("from_env: HEROKU_API_KEY first, then the netrc entry `heroku login` writes") {
  TempHome home;
  home.netrc(heroku_login_netrc);
  CHECK(from({{"HOME", home.path()}}).api_key == "HRKU-from-netrc-0001");
  CHECK(from({{"HOME", home.path()}, {"HEROKU_API_KEY", "from-env"}}).api_key == "from-env");
  // An empty variable is as good as unset.
  CHECK(from({{"HOME", home.path()}, {"HEROKU_API_KEY", ""}}).api_key == "HRKU-from-netrc-0001");
  CHECK(from({}).api_key.empty());
}

TEST_CASE("from_env: the netrc entry is the API host's, by HEROKU_HOST or HEROKU_API_URL") {
  TempHome home;
  home.netrc(R"(machine api.heroku.com login a password for-heroku
machine api.example.com login b password for-example
machine 127.0.0.1:5000 login c password for-sim-with-port
machine localhost login d password for-localhost
)");
  auto bare = from({{"HOME", home.path()}, {"HEROKU_HOST", "example.com"}});
  CHECK(bare.base_url == "https://api.example.com");
  CHECK(bare.api_key == "for-example");
  auto url = from({{"HOME", home.path()}, {"HEROKU_HOST", "http://127.0.0.1:5000"}});
  CHECK(url.base_url == "http://127.0.0.1:5000");
  CHECK(url.api_key == "for-sim-with-port");
  // No entry with the port: the host alone.
  CHECK(from({{"HOME", home.path()}, {"HEROKU_API_URL", "http://localhost:7000/"}}).api_key ==
        "for-localhost");
  // HEROKU_API_URL wins over HEROKU_HOST.
  auto both = from({{"HOME", home.path()},
                    {"HEROKU_HOST", "example.com"},
                    {"HEROKU_API_URL", "https://api.heroku.com"}});
  CHECK(both.base_url == "https://api.heroku.com");
  CHECK(both.api_key == "for-heroku");
  // No entry for the host and no default: no key, not another host's key.
  CHECK(from({{"HOME", home.path()}, {"HEROKU_HOST", "other.example"}}).api_key.empty());
}

TEST_CASE("from_env: netrc comments, default, quotes, macdef and one-line entries") {
  TempHome home;
  home.netrc(R"(# written by hand
macdef init
machine api.heroku.com password from-a-macro

machine api.heroku.com # the API
  login "dana smith@example.com"
  password "quoted \"key\" 1"
machine api.heroku.com login later password not-the-first
default login anyone password the-default
)");
  CHECK(from({{"HOME", home.path()}}).api_key == "quoted \"key\" 1");
  CHECK(from({{"HOME", home.path()}, {"HEROKU_HOST", "example.org"}}).api_key == "the-default");

  home.netrc("machine api.heroku.com login dana\n");  // no password: no key
  CHECK(from({{"HOME", home.path()}}).api_key.empty());
  home.netrc("machine");  // truncated: ignored
  CHECK(from({{"HOME", home.path()}}).api_key.empty());
  home.netrc("password \"unterminated");
  CHECK(from({{"HOME", home.path()}}).api_key.empty());
}

TEST_CASE("from_env: HEROKU_HOST and HEROKU_API_URL") {
  CHECK(from({}).base_url == "https://api.heroku.com");
  CHECK(from({{"HEROKU_HOST", ""}}).base_url == "https://api.heroku.com");
  CHECK(from({{"HEROKU_HOST", "heroku.com"}}).base_url == "https://api.heroku.com");
  CHECK(from({{"HEROKU_HOST", "https://api.staging.example"}}).base_url ==
        "https://api.staging.example");
  CHECK(from({{"HEROKU_API_URL", "http://127.0.0.1:9"}, {"HEROKU_HOST", "example.com"}}).base_url ==
        "http://127.0.0.1:9");
}
