// The web app's files served by the API server: content types, the client-side route
// fallback, cache headers, the "not built" page, and no way out of the directory (raw
// requests over real HTTP, so no client library tidies the path first).
#include "api/static_site.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "api/server.h"

namespace passend::api {
namespace {

namespace fs = std::filesystem;

TEST(SafeRelativePath, KeepsPlainSegments) {
  EXPECT_EQ(SafeRelativePath("/"), "");
  EXPECT_EQ(SafeRelativePath(""), "");
  EXPECT_EQ(SafeRelativePath("/zoeken"), "zoeken");
  EXPECT_EQ(SafeRelativePath("//assets///index-a1b2.js"), "assets/index-a1b2.js");
  EXPECT_EQ(SafeRelativePath("/mijn/privacy/"), "mijn/privacy");
}

TEST(SafeRelativePath, RefusesEveryWayOut) {
  for (std::string_view bad :
       {"/..", "/../etc/passwd", "/assets/../../x", "/./index.html", "/.git/config", "/.env",
        "/a/..\\..\\x", "/..\\x", "/assets\\..\\x"}) {
    EXPECT_EQ(SafeRelativePath(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(SafeRelativePath(std::string_view("/a\0b", 4)), std::nullopt);
}

TEST(ContentTypeFor, KnowsTheBuildsFiles) {
  EXPECT_EQ(ContentTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("assets/index-a1b2.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("assets/index-a1b2.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("kaart.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("favicon.ico"), "image/x-icon");
  EXPECT_EQ(ContentTypeFor("locales/nl.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("LICENSE"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("a.js/b"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("archive.tar.gz"), "application/octet-stream");
}

TEST(CacheControlFor, HashedAssetsForAYearTheRestRevalidated) {
  EXPECT_EQ(CacheControlFor("assets/index-a1b2.js"), "public, max-age=31536000, immutable");
  EXPECT_EQ(CacheControlFor("index.html"), "no-cache");
  EXPECT_EQ(CacheControlFor("favicon.svg"), "no-cache");
}

// One raw HTTP/1.1 request to loopback; returns the whole answer (headers and body).
std::string RawRequest(int port, const std::string& request) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    ::send(fd, request.data(), request.size(), 0);
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) answer.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return answer;
}

std::string RawGet(int port, const std::string& target) {
  return RawRequest(port,
                    "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
}

int StatusOf(const std::string& answer) {
  if (answer.size() < 12 || !answer.starts_with("HTTP/1.1 ")) return 0;
  return std::stoi(answer.substr(9, 3));
}

std::string HeaderOf(const std::string& answer, const std::string& name) {
  size_t end = answer.find("\r\n\r\n");
  std::string head = answer.substr(0, end);
  std::string needle = "\r\n" + name + ": ";
  size_t at = head.find(needle);
  if (at == std::string::npos) return "";
  size_t start = at + needle.size();
  return head.substr(start, head.find("\r\n", start) - start);
}

std::string BodyOf(const std::string& answer) {
  size_t end = answer.find("\r\n\r\n");
  return end == std::string::npos ? "" : answer.substr(end + 4);
}

void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A server on a free loopback port serving <tmp>/dist, with a secret beside the root that
// must never be sent.
class StaticSiteServer : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ =
        fs::temp_directory_path() / ("passend-static-" + std::to_string(std::random_device{}()));
    root_ = base_ / "dist";
    WriteFile(root_ / "index.html", "<!doctype html><title>Passend</title>APP");
    WriteFile(root_ / "assets" / "index-a1b2c3.js", "console.log('app')");
    WriteFile(root_ / "assets" / "index-a1b2c3.css", "body{}");
    WriteFile(root_ / "favicon.svg", "<svg/>");
    WriteFile(root_ / ".hidden", "HIDDEN");
    WriteFile(base_ / "secret.txt", "GEHEIM");
    fs::create_directory_symlink(base_, root_ / "uitweg");
    Start(root_);
  }
  void TearDown() override {
    Stop();
    fs::remove_all(base_);
  }
  void Start(const fs::path& root) {
    ServerOptions options;
    options.port = 0;
    options.threads = 4;
    options.log = [](const nlohmann::json&) {};
    options.site = std::make_shared<StaticSite>(root);
    server_ = std::make_unique<Server>(options, Router{}, nullptr);
    ASSERT_TRUE(server_->Bind().ok());
    runner_ = std::thread([this] { (void)server_->Run(); });
  }
  void Stop() {
    if (server_) server_->Stop();
    if (runner_.joinable()) runner_.join();
    server_.reset();
  }
  std::string Get(const std::string& target) { return RawGet(server_->port(), target); }

  fs::path base_;
  fs::path root_;
  std::unique_ptr<Server> server_;
  std::thread runner_;
};

TEST_F(StaticSiteServer, ServesTheStartPageAndFilesWithTheirTypes) {
  std::string index = Get("/");
  EXPECT_EQ(StatusOf(index), 200);
  EXPECT_EQ(HeaderOf(index, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(index, "Cache-Control"), "no-cache");
  EXPECT_EQ(HeaderOf(index, "X-Content-Type-Options"), "nosniff");
  EXPECT_NE(HeaderOf(index, "Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  EXPECT_EQ(BodyOf(index), "<!doctype html><title>Passend</title>APP");

  std::string js = Get("/assets/index-a1b2c3.js");
  EXPECT_EQ(StatusOf(js), 200);
  EXPECT_EQ(HeaderOf(js, "Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(js, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(BodyOf(js), "console.log('app')");

  std::string css = Get("/assets/index-a1b2c3.css");
  EXPECT_EQ(HeaderOf(css, "Content-Type"), "text/css; charset=utf-8");
  std::string svg = Get("/favicon.svg");
  EXPECT_EQ(HeaderOf(svg, "Content-Type"), "image/svg+xml");
  EXPECT_EQ(HeaderOf(svg, "Cache-Control"), "no-cache");
}

TEST_F(StaticSiteServer, HeadAnswersHeadersWithoutBody) {
  std::string head = RawRequest(server_->port(),
                                "HEAD /assets/index-a1b2c3.js HTTP/1.1\r\nHost: localhost\r\n"
                                "Connection: close\r\n\r\n");
  EXPECT_EQ(StatusOf(head), 200);
  EXPECT_EQ(HeaderOf(head, "Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(BodyOf(head), "");
}

TEST_F(StaticSiteServer, ClientRoutesGetTheApp) {
  for (const char* route : {"/zoeken", "/mijn/privacy", "/zoeken/stap/2?x=1"}) {
    std::string res = Get(route);
    EXPECT_EQ(StatusOf(res), 200) << route;
    EXPECT_EQ(HeaderOf(res, "Content-Type"), "text/html; charset=utf-8") << route;
    EXPECT_EQ(BodyOf(res), "<!doctype html><title>Passend</title>APP") << route;
  }
}

TEST_F(StaticSiteServer, AMissingFileIsA404NotTheApp) {
  std::string res = Get("/assets/weg-123.js");
  EXPECT_EQ(StatusOf(res), 404);
  EXPECT_EQ(HeaderOf(res, "Content-Type"), "application/problem+json");
  EXPECT_EQ(HeaderOf(res, "Cache-Control"), "no-store");
}

TEST_F(StaticSiteServer, ApiPathsStayTheApis) {
  std::string res = Get("/api/v1/bestaat-niet");
  EXPECT_EQ(StatusOf(res), 404);
  EXPECT_EQ(HeaderOf(res, "Content-Type"), "application/problem+json");
  EXPECT_EQ(HeaderOf(res, "Cache-Control"), "no-store");
  std::string openapi = Get("/api/v1/openapi.json");
  EXPECT_EQ(StatusOf(openapi), 200);
  EXPECT_EQ(HeaderOf(openapi, "Content-Type"), "application/json");
  // Only GET reaches the files; another method on a page is the API's 404.
  std::string post = RawRequest(server_->port(),
                                "POST /zoeken HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                                "Connection: close\r\n\r\n");
  EXPECT_EQ(StatusOf(post), 404);
  EXPECT_EQ(HeaderOf(post, "Content-Type"), "application/problem+json");
}

TEST_F(StaticSiteServer, NothingOutsideTheDirectoryIsEverSent) {
  // Plain, percent-encoded (upper and lower case), double-encoded, backslashes, NUL, a
  // dot-file, and a symlink inside the root that points out of it.
  for (const char* target :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/%2e%2e%5csecret.txt",
        "/..%5c..%5csecret.txt", "/%252e%252e/secret.txt", "/.%2e/secret.txt", "/index.html%00.js",
        "/.hidden", "/%2ehidden", "/uitweg/secret.txt", "//..//secret.txt"}) {
    std::string res = Get(target);
    SCOPED_TRACE(target);
    EXPECT_NE(StatusOf(res), 0);
    EXPECT_EQ(res.find("GEHEIM"), std::string::npos);
    EXPECT_EQ(res.find("HIDDEN"), std::string::npos);
    EXPECT_NE(StatusOf(res), 200) << res;
  }
}

TEST_F(StaticSiteServer, WithoutABuildTheStartPageSaysHowToBuildIt) {
  Stop();
  Start(base_ / "niet-gebouwd");
  for (const char* route : {"/", "/zoeken"}) {
    std::string res = Get(route);
    EXPECT_EQ(StatusOf(res), 503) << route;
    EXPECT_EQ(HeaderOf(res, "Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(BodyOf(res).find("De webapp is nog niet gebouwd"), std::string::npos);
    EXPECT_NE(BodyOf(res).find("make web"), std::string::npos);
  }
}

TEST(StaticSiteLocate, TheFlagWinsElseTheBuildTreeNextToTheBinary) {
  fs::path base =
      fs::temp_directory_path() / ("passend-locate-" + std::to_string(std::random_device{}()));
  WriteFile(base / "web" / "dist" / "index.html", "x");
  fs::create_directories(base / "build");
  EXPECT_EQ(StaticSite::Locate("/elders", base / "build" / "passend"), fs::path("/elders"));
  EXPECT_EQ(StaticSite::Locate("", base / "build" / "passend"), base / "web" / "dist");
  WriteFile(base / "build" / "web" / "index.html", "x");
  EXPECT_EQ(StaticSite::Locate("", base / "build" / "passend"), base / "build" / "web");
  fs::remove_all(base);
  EXPECT_EQ(StaticSite::Locate("", base / "build" / "passend"), base / "web" / "dist");
}

}  // namespace
}  // namespace passend::api
