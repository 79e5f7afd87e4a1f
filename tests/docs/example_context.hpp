// What a header example may take as given: the names most examples are
// written against, so that they can stay short (see docs/testing.md).
#ifndef HEROKUPP_TESTS_DOCS_EXAMPLE_CONTEXT_HPP
#define HEROKUPP_TESTS_DOCS_EXAMPLE_CONTEXT_HPP

#include <herokupp/herokupp.hpp>

#include <atomic>
#include <cassert>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#if __has_include(<syslog.h>)
#include <syslog.h>  // the audit sink example writes to syslog
#endif

// Declared in each example's own namespace, never defined: the examples are
// compiled, not linked or run.
#define HEROKUPP_EXAMPLE_NAMES                                                          \
  extern herokupp::Client heroku; /* a Client, as ClientOptions::from_env() makes it */ \
  extern herokupp::Client client; /* the same, under the name generated examples use */ \
  extern herokupp::AppClient app; /* heroku.app("my-app") */                            \
  using namespace std::chrono_literals;

#endif  // HEROKUPP_TESTS_DOCS_EXAMPLE_CONTEXT_HPP
