#include "knotplan/settings.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "knotplan/error.hpp"
#include "test_support.hpp"

using namespace knotplan;

TEST_CASE("settings: command line, then environment, then config file, then default",
          "[settings]") {
  const std::map<std::string, std::string> file{
      {"minutes", "8"}, {"side", "left"}, {"equipment", "tennis-ball"}};
  const std::map<std::string, std::string> environment{{"KNOTPLAN_MINUTES", "6"},
                                                       {"KNOTPLAN_SIDE", ""}};
  const std::map<std::string, std::string> command_line{{"equipment", "foam-roller"}};
  const auto settings = resolve_settings(command_line, environment, file, "/home/me/config.json");
  CHECK(settings.at("equipment").value == "foam-roller");
  CHECK(settings.at("equipment").origin == Origin::kCommandLine);
  CHECK(settings.at("minutes").value == "6");
  CHECK(settings.at("minutes").origin == Origin::kEnvironment);
  CHECK(settings.at("minutes").source == "KNOTPLAN_MINUTES");
  CHECK(settings.at("side").value == "left");  // an empty variable counts as unset
  CHECK(settings.at("side").origin == Origin::kConfigFile);
  CHECK(settings.at("side").source == "/home/me/config.json");
  CHECK(settings.at("format").value == "text");
  CHECK(settings.at("format").origin == Origin::kDefault);
  CHECK(settings.at("age").value.empty());
  CHECK(settings.size() == setting_keys().size());
}

TEST_CASE("settings: a bad environment value names the variable", "[settings]") {
  CHECK_THROWS_WITH(resolve_settings({}, {{"KNOTPLAN_COLOR", "purple"}}, std::nullopt, ""),
                    Catch::Contains("environment KNOTPLAN_COLOR: color 'purple' is not allowed"));
  CHECK_THROWS_AS(resolve_settings({}, {{"KNOTPLAN_AGE", "0"}}, std::nullopt, ""), UsageError);
}

TEST_CASE("settings: the config file lives under XDG_CONFIG_HOME or ~/.config", "[settings]") {
  CHECK(config_file_path("/x/conf", "/home/me") == "/x/conf/knotplan/config.json");
  CHECK(config_file_path(nullptr, "/home/me") == "/home/me/.config/knotplan/config.json");
  CHECK(config_file_path("relative", "/home/me") == "/home/me/.config/knotplan/config.json");
  CHECK(environment_name("conditions") == "KNOTPLAN_CONDITIONS");
}

TEST_CASE("settings: a config file is read and checked", "[settings]") {
  testing::TemporaryFolder folder;
  const std::string path = folder.path("config.json");
  CHECK_FALSE(read_config_file(path).has_value());

  testing::write_file(path,
                      R"({"equipment": ["tennis-ball", "foam-roller"], "minutes": 8, "age": 70,
                               "conditions": "diabetes", "side": "left", "format": "json", "color": "never"})");
  const auto values = read_config_file(path);
  REQUIRE(values.has_value());
  CHECK(values->at("equipment") == "tennis-ball,foam-roller");
  CHECK(values->at("minutes") == "8");
  CHECK(values->at("conditions") == "diabetes");

  const std::vector<std::pair<std::string, std::string>> bad{
      {R"({"equipmnet": []})", "unknown key 'equipmnet'"},
      {R"({"minutes": "ten"})", "minutes has the wrong type"},
      {R"({"minutes": 500})", "minutes '500' is out of range"},
      {R"({"side": "middle"})", "side 'middle' is not allowed"},
      {R"({"equipment": [1]})", "equipment must list strings"},
      {R"([1, 2])", "must hold a JSON object"},
      {R"({"minutes": )", "line 1:13"},
  };
  for (const auto& [text, words] : bad) {
    testing::write_file(path, text);
    INFO(text);
    CHECK_THROWS_WITH(read_config_file(path), Catch::Contains(words) && Catch::Contains(path));
  }
}

TEST_CASE("settings: only a missing config file counts as absent", "[settings]") {
  testing::TemporaryFolder folder;
  CHECK_FALSE(read_config_file(folder.path("missing/config.json")).has_value());

  // A folder where the file should be.
  REQUIRE(::mkdir(folder.path("folder.json").c_str(), 0755) == 0);
  CHECK_THROWS_AS(read_config_file(folder.path("folder.json")), IoError);
  CHECK_THROWS_WITH(
      read_config_file(folder.path("folder.json")),
      Catch::Contains(folder.path("folder.json")) && Catch::Contains("it is a folder, not a file"));

  // A path through a file (XDG_CONFIG_HOME naming the config file itself): ENOTDIR.
  testing::write_file(folder.path("file"), R"({"conditions": ["anticoagulants"]})");
  CHECK_THROWS_AS(read_config_file(folder.path("file/knotplan/config.json")), IoError);
  CHECK_THROWS_WITH(read_config_file(folder.path("file/knotplan/config.json")),
                    Catch::Contains(std::strerror(ENOTDIR)));

  // A link to itself cannot be opened, even by root.
  REQUIRE(::symlink("loop.json", folder.path("loop.json").c_str()) == 0);
  CHECK_THROWS_WITH(read_config_file(folder.path("loop.json")),
                    Catch::StartsWith("cannot read config file '" + folder.path("loop.json")) &&
                        Catch::Contains(std::strerror(ELOOP)));
}

TEST_CASE("settings: a config file without read permission is an error", "[settings]") {
  if (::geteuid() == 0) return;  // root reads it anyway; cli_test runs this as nobody
  testing::TemporaryFolder folder;
  testing::write_file(folder.path("config.json"), R"({"conditions": ["anticoagulants"]})");
  REQUIRE(::chmod(folder.path("config.json").c_str(), 0) == 0);
  CHECK_THROWS_AS(read_config_file(folder.path("config.json")), IoError);
  CHECK_THROWS_WITH(read_config_file(folder.path("config.json")),
                    Catch::Contains(std::strerror(EACCES)));
}

TEST_CASE("settings: a config file over the limit is refused without reading it", "[settings]") {
  testing::TemporaryFolder folder;
  testing::write_file(folder.path("config.json"), std::string(kMaxConfigFileBytes, ' ') + "{}");
  CHECK_THROWS_AS(read_config_file(folder.path("config.json")), IoError);
  // 100 MB, sparse: refused from its size alone, at once.
  testing::write_file(folder.path("huge.json"), "{}");
  std::filesystem::resize_file(folder.path("huge.json"), 100 * 1024 * 1024);
  CHECK_THROWS_WITH(
      read_config_file(folder.path("huge.json")),
      Catch::Contains(fmt::format("larger than the limit of {} bytes", kMaxConfigFileBytes)));
  testing::write_file(folder.path("config.json"), std::string(kMaxConfigFileBytes - 2, ' ') + "{}");
  CHECK(read_config_file(folder.path("config.json")).has_value());
}

TEST_CASE("settings: a number too large for any setting is named as written", "[settings]") {
  testing::TemporaryFolder folder;
  testing::write_file(folder.path("config.json"), R"({"minutes": 18446744073709551615})");
  CHECK_THROWS_WITH(read_config_file(folder.path("config.json")),
                    Catch::Contains("minutes '18446744073709551615' is out of range") &&
                        !Catch::Contains("'-1'"));
  testing::write_file(folder.path("config.json"), R"({"minutes": -9223372036854775808})");
  CHECK_THROWS_WITH(read_config_file(folder.path("config.json")),
                    Catch::Contains("'-9223372036854775808' is out of range"));
  CHECK_THROWS_WITH(check_setting("minutes", "99999999999999999999999", "environment"),
                    Catch::Contains("'99999999999999999999999' is out of range"));
}
