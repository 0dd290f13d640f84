#pragma once
// StaticSite: the built web app (web/dist, made by Vite) served by `passend serve` from the
// same origin as the API, so the browser needs no CORS and the session cookie stays
// SameSite=Strict.
//
// The server asks it for GET requests that match no API route and are not under /api/:
//   - a file of the build ("/assets/index-3f9c2a.js") is sent with its content type;
//     files under /assets/ carry a content hash in their name, so they may be cached for a
//     year ("immutable"); everything else (index.html) is revalidated on every visit;
//   - a path whose last segment has no dot ("/zoeken", "/mijn/privacy") is a client-side
//     route of the app: it gets index.html;
//   - anything else is a 404 problem, like an unknown API path.
// A path with a "." or ".." segment, a backslash, a NUL or a dot-file is refused (404)
// before the file system is touched, and a file reached through a symlink that leads out
// of the root is refused too: nothing outside the directory is ever sent.
//
// When the directory holds no index.html (the app was not built) "/" and the app's routes
// answer a Dutch page saying how to build it.
//
// Files are read on every request (they are small, and a rebuild shows without a restart).
// Thread-safe: const after construction.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "api/route.h"

namespace passend::api {

class StaticSite {
 public:
  explicit StaticSite(std::filesystem::path root);

  // The directory to serve: `flag` (--web-dir) when given; else the first of
  // <dir of exe>/web and <dir of exe>/../web/dist that holds an index.html (an installed
  // binary and the build tree); else <dir of exe>/../web/dist, which then answers the
  // "not built" page.
  static std::filesystem::path Locate(const std::string& flag, const std::filesystem::path& exe);

  const std::filesystem::path& root() const { return root_; }
  // Whether the app is built (index.html exists).
  bool built() const;

  // The answer to GET `decoded_path` (percent-decoding already done by the transport).
  // `request_id` goes into problem bodies.
  ApiResponse Serve(std::string_view decoded_path, std::string_view request_id) const;

 private:
  std::filesystem::path root_;
};

// The path relative to the root, with empty segments dropped, or nullopt when any segment
// is ".", "..", starts with a dot, or holds a backslash or NUL. "/" gives "".
std::optional<std::string> SafeRelativePath(std::string_view decoded_path);

// The Content-Type for a file name by its extension; application/octet-stream when unknown.
std::string_view ContentTypeFor(std::string_view file_name);

// The Cache-Control for a served file: a year and immutable under assets/, else no-cache.
std::string_view CacheControlFor(std::string_view relative_path);

}  // namespace passend::api
