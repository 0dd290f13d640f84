#include "api/static_site.h"

#include <array>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "api/problem.h"

namespace passend::api {
namespace {

namespace fs = std::filesystem;

// The app loads only its own files and talks only to its own origin.
constexpr std::string_view kHtmlPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

constexpr std::string_view kNotBuiltPage = R"(<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Passend: de webapp is nog niet gebouwd</title>
<style>
body { font-family: system-ui, Arial, sans-serif; font-size: 1.25rem; line-height: 1.5;
       max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
code { background: #eee; padding: 0.1rem 0.3rem; }
</style>
</head>
<body>
<main>
<h1>De webapp is nog niet gebouwd</h1>
<p>Passend draait, maar de bestanden van de webapp ontbreken nog.</p>
<p>Bouw ze zo, in de map van Passend:</p>
<p><code>make web</code></p>
<p>Of met de hand: <code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code>.</p>
<p>Laad deze pagina daarna opnieuw. Staan de bestanden ergens anders? Start de server dan
met <code>passend serve --web-dir MAP</code>.</p>
<p>De API werkt wel: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
</main>
</body>
</html>
)";

bool ReadFile(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return false;
  out = std::move(buf).str();
  return true;
}

// Whether `path` (made canonical) lies inside `root` (canonical): no symlink leads out.
bool Inside(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec) return false;
  auto r = root.begin();
  auto p = real.begin();
  for (; r != root.end(); ++r, ++p) {
    if (p == real.end() || *r != *p) return false;
  }
  return true;
}

ApiResponse NotFoundResponse(std::string_view path, std::string_view request_id) {
  return ProblemResponse(NotFound("Dit adres bestaat niet: " + std::string(path)), path,
                         request_id);
}

ApiResponse FileResponse(std::string body, std::string_view relative) {
  ApiResponse r;
  r.raw_body = std::move(body);
  r.content_type = std::string(ContentTypeFor(relative));
  r.headers["Cache-Control"] = std::string(CacheControlFor(relative));
  r.headers["X-Content-Type-Options"] = "nosniff";
  if (r.content_type.starts_with("text/html")) {
    r.headers["Content-Security-Policy"] = std::string(kHtmlPolicy);
    r.headers["Referrer-Policy"] = "no-referrer";
  }
  return r;
}

}  // namespace

std::optional<std::string> SafeRelativePath(std::string_view decoded_path) {
  std::string out;
  size_t i = 0;
  while (i <= decoded_path.size()) {
    size_t end = decoded_path.find('/', i);
    if (end == std::string_view::npos) end = decoded_path.size();
    std::string_view seg = decoded_path.substr(i, end - i);
    i = end + 1;
    if (seg.empty()) continue;
    if (seg.front() == '.') return std::nullopt;  // ".", "..", ".git", ".env"
    if (seg.find('\\') != std::string_view::npos) return std::nullopt;
    if (seg.find('\0') != std::string_view::npos) return std::nullopt;
    if (!out.empty()) out += '/';
    out += seg;
  }
  return out;
}

std::string_view ContentTypeFor(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
  }};
  size_t slash = file_name.rfind('/');
  std::string_view base = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  std::string_view ext = base.substr(dot);
  for (const auto& [known, type] : kTypes) {
    if (ext == known) return type;
  }
  return "application/octet-stream";
}

std::string_view CacheControlFor(std::string_view relative_path) {
  // Vite puts every built file with a content hash in its name under assets/.
  if (relative_path.starts_with("assets/")) return "public, max-age=31536000, immutable";
  return "no-cache";
}

StaticSite::StaticSite(std::filesystem::path root) : root_(std::move(root)) {
  std::error_code ec;
  fs::path real = fs::canonical(root_, ec);
  if (!ec) root_ = std::move(real);
}

fs::path StaticSite::Locate(const std::string& flag, const fs::path& exe) {
  if (!flag.empty()) return flag;
  fs::path dir = exe.parent_path();
  const std::array<fs::path, 2> candidates = {dir / "web", dir / ".." / "web" / "dist"};
  for (const auto& c : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(c / "index.html", ec)) return c.lexically_normal();
  }
  return candidates[1].lexically_normal();
}

bool StaticSite::built() const {
  std::error_code ec;
  return fs::is_regular_file(root_ / "index.html", ec);
}

ApiResponse StaticSite::Serve(std::string_view decoded_path, std::string_view request_id) const {
  std::optional<std::string> relative = SafeRelativePath(decoded_path);
  if (!relative) return NotFoundResponse(decoded_path, request_id);

  std::string body;
  if (!relative->empty()) {
    fs::path file = root_ / *relative;
    std::error_code ec;
    if (fs::is_regular_file(file, ec) && Inside(root_, file) && ReadFile(file, body)) {
      return FileResponse(std::move(body), *relative);
    }
    // A name with an extension is a file that is not there; without one, a route of the app.
    size_t slash = relative->rfind('/');
    std::string_view last =
        slash == std::string::npos ? *relative : std::string_view(*relative).substr(slash + 1);
    if (last.find('.') != std::string_view::npos) return NotFoundResponse(decoded_path, request_id);
  }

  fs::path index = root_ / "index.html";
  if (Inside(root_, index) && ReadFile(index, body))
    return FileResponse(std::move(body), "index.html");
  ApiResponse r = FileResponse(std::string(kNotBuiltPage), "index.html");
  r.status = 503;
  // The page has its own inline style; it loads nothing else.
  r.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'";
  return r;
}

}  // namespace passend::api
