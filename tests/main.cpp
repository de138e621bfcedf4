#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>

int main(int argc, char* argv[]) {
  // Tests must neither read nor write the session log of whoever runs them: a recorded
  // session would change the next plan (its --since, its referral). A test that wants a
  // log gives --history FILE, which wins over the variable.
  setenv("KNOTPLAN_NO_HISTORY", "1", 1);
  setenv("XDG_STATE_HOME", KNOTPLAN_TEST_STATE_DIR, 1);
  return Catch::Session().run(argc, argv);
}
