// Symbol visibility for the herokupp libraries.
//
// Static builds need nothing. Shared builds compile with hidden visibility and
// mark the public API with HEROKUPP_API, so only the documented surface is
// exported. HEROKUPP_SHARED is set for consumers by the CMake targets (and the
// pkg-config file) when the library is shared; HEROKUPP_BUILDING only while
// the library itself is compiled.
#ifndef HEROKUPP_EXPORT_HPP
#define HEROKUPP_EXPORT_HPP

#if defined(HEROKUPP_SHARED)
#if defined(_WIN32)
#if defined(HEROKUPP_BUILDING)
#define HEROKUPP_API __declspec(dllexport)
#else
#define HEROKUPP_API __declspec(dllimport)
#endif
#else
#define HEROKUPP_API __attribute__((visibility("default")))
#endif
#else
#define HEROKUPP_API
#endif

#endif  // HEROKUPP_EXPORT_HPP
