#ifndef KNOTPLAN_POSE_HPP_
#define KNOTPLAN_POSE_HPP_

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace knotplan {

// How a technique is drawn: a jointed figure of fixed proportions in a starting position,
// with the segments the technique moves set by angle, the props it uses placed at body
// points, the area it works on marked, and where the movement goes (an end pose, arrows).
// It is data (`"pose"` on a technique in data/knowledge.json); the renderer
// (src/render/technique_drawing.cpp) turns it into a drawing, so a technique added with --kb
// gets a picture too.
//
// A pose is a small value with no views into the knowledge base, so that a routine's step
// can carry its own copy.
//
// Angles are on the page, in whole degrees clockwise from straight up: 0 points up, 90 to
// the right, 180 down, 270 to the left. A figure seen from the side faces right.

enum class PoseView { kSide, kFront, kBack };

// The starting position: it sets every segment's angle, and `angles` changes some.
enum class PosePosition {
  kStanding,
  kSitting,       // on a chair: thighs level, shins down
  kLyingBack,     // head to the left, legs straight
  kLyingFront,    // head to the right
  kLyingSide,     // seen from the front, head to the left
  kKneeling,      // upright on both knees
  kHalfKneeling,  // on the far knee, the near foot forward
  kAllFours,      // hands under the shoulders, knees under the hips, head to the right
};

// The figure's segments, each drawn from its parent joint. "Near" limbs are the ones
// nearer the viewer; seen from the front or back, the near ones are on the left of the page.
enum class PoseSegment {
  kTrunk,  // hip to the base of the neck
  kHead,   // base of the neck to the centre of the head
  kNearUpperArm,
  kNearForearm,
  kFarUpperArm,
  kFarForearm,
  kNearThigh,
  kNearShin,
  kNearFoot,
  kFarThigh,
  kFarShin,
  kFarFoot,
};
inline constexpr std::size_t kPoseSegmentCount = 12;

// Named places on the body: where props go, what is marked, what arrows start from. Each
// sits on the surface of a segment (the back of the trunk for "upper-back").
enum class BodyPoint {
  kHead,
  kForehead,
  kSkullBase,
  kNeck,
  kNearShoulder,
  kFarShoulder,
  kUpperBack,
  kBetweenShoulderBlades,
  kLowerBack,
  kChest,
  kBelly,
  kNearSide,
  kFarSide,
  kNearArmpit,
  kFarArmpit,
  kButtock,
  kHipFront,
  kNearElbow,
  kFarElbow,
  kNearHand,
  kFarHand,
  kNearKnee,
  kFarKnee,
  kNearFoot,
  kFarFoot,
};
inline constexpr std::size_t kBodyPointCount = 25;

enum class PropKind {
  kBall,      // a tennis or lacrosse ball, touching the body at `at`
  kRoller,    // a foam roller seen end-on, touching the body at `at`
  kWall,      // a wall at the `side` of the drawing, touching the figure
  kDoorway,   // an upright door frame: at `at`, or at the `side` like a wall
  kChair,     // under the hip
  kBand,      // an elastic band from `at` to `to`, or to a wall or doorway
  kHotPack,   // lying on the body at `at`
  kColdPack,  // lying on the body at `at`
  kTowel,     // folded under `at`
  kCane,      // a hooked massage cane over the shoulder, its tip at `at`
};

enum class PoseSide { kNone, kLeft, kRight };

struct PoseProp {
  PropKind kind = PropKind::kBall;
  std::optional<BodyPoint> at;
  std::optional<BodyPoint> to;      // bands only
  PoseSide side = PoseSide::kNone;  // walls and doorways
  bool operator==(const PoseProp&) const = default;
};

// An arrow: straight, centred `offset` units out from a body point and pointing along
// `direction`; or curved, around a body point from one angle to another.
struct PoseArrow {
  std::optional<BodyPoint> at;      // straight
  std::optional<BodyPoint> around;  // curved
  int direction = 0;                // straight: the angle it points along
  int length = 14;                  // straight: in figure units (the figure is 100 tall)
  int offset = 8;                   // straight: from the body's surface
  int from = 0;                     // curved: start and end angles
  int to = 0;
  int radius = 16;         // curved
  bool both_ways = false;  // an arrowhead at each end: back and forth
  bool operator==(const PoseArrow&) const = default;
};

// The figure's shape: the angles that differ from the position's, how far the spine
// curves (positive rounds the back, negative arches it), and hands placed on body points
// (the arm bends to reach them), and where the hip is, moved from where the position puts
// it (a bridge lifts it, sitting back to the heels moves it back).
struct PoseShape {
  std::array<std::optional<int>, kPoseSegmentCount> angles{};
  int bend = 0;
  int hip_x = 0;
  int hip_y = 0;
  std::optional<BodyPoint> near_hand;
  std::optional<BodyPoint> far_hand;
  bool operator==(const PoseShape&) const = default;
};

inline constexpr std::size_t kMaxPoseProps = 4;
inline constexpr std::size_t kMaxPoseArrows = 3;
inline constexpr int kMaxSpineBend = 12;
inline constexpr int kMaxHipMove = 40;

struct Pose {
  PoseView view = PoseView::kSide;
  PosePosition position = PosePosition::kStanding;
  PoseShape start;
  std::optional<PoseShape> end;  // drawn dashed: where the movement goes
  BodyPoint target = BodyPoint::kUpperBack;
  std::array<PoseProp, kMaxPoseProps> props{};
  std::size_t prop_count = 0;
  std::array<PoseArrow, kMaxPoseArrows> arrows{};
  std::size_t arrow_count = 0;
  bool operator==(const Pose&) const = default;
};

// The ids used in the knowledge base's JSON, in the order of each enum.
inline constexpr std::string_view kPoseViewIds[] = {"side", "front", "back"};
inline constexpr std::string_view kPosePositionIds[] = {"standing",      "sitting",    "lying-back",
                                                        "lying-front",   "lying-side", "kneeling",
                                                        "half-kneeling", "all-fours"};
inline constexpr std::string_view kPoseSegmentIds[] = {
    "trunk",      "head",      "near-upper-arm", "near-forearm", "far-upper-arm", "far-forearm",
    "near-thigh", "near-shin", "near-foot",      "far-thigh",    "far-shin",      "far-foot"};
inline constexpr std::string_view kBodyPointIds[] = {
    "head",          "forehead",     "skull-base", "neck",
    "near-shoulder", "far-shoulder", "upper-back", "between-shoulder-blades",
    "lower-back",    "chest",        "belly",      "near-side",
    "far-side",      "near-armpit",  "far-armpit", "buttock",
    "hip-front",     "near-elbow",   "far-elbow",  "near-hand",
    "far-hand",      "near-knee",    "far-knee",   "near-foot",
    "far-foot"};
inline constexpr std::string_view kPropIds[] = {"ball", "roller",   "wall",      "doorway", "chair",
                                                "band", "hot-pack", "cold-pack", "towel",   "cane"};
inline constexpr std::string_view kPoseSideIds[] = {"", "left", "right"};

// How a body point is named to a person: "the upper back".
std::string_view body_point_words(BodyPoint point);

}  // namespace knotplan

#endif  // KNOTPLAN_POSE_HPP_
