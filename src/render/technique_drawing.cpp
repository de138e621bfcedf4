#include "technique_drawing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>
#include <vector>

#include "knotplan/terminal.hpp"

// How a pose becomes line art. The figure is built by forward kinematics from fixed
// segment lengths (a standing figure is about 100 units tall, the head an eighth of
// that), so every drawing has the same proportions; only angles differ. Each limb is
// drawn as a black round-capped stroke with a narrower white one on top, which gives an
// outlined limb whose joints merge; the trunk is a tapered outline along a curve, so a
// back can round or arch. The floor, walls and the viewBox are found from what is drawn.

namespace knotplan {
namespace {

constexpr double kPi = std::numbers::pi;

// Segment lengths and half-thicknesses, in units of a figure 100 tall.
constexpr double kTrunkLength = 29;
constexpr double kHeadReach = 11.5;  // base of the neck to the centre of the head
constexpr double kHeadRadius = 6.5;
constexpr double kNeckRadius = 2.7;
constexpr double kUpperArm = 18;
constexpr double kForearm = 20;  // to the middle of the hand
constexpr double kThigh = 25;
constexpr double kShin = 24;
constexpr double kFootSide = 8;
constexpr double kFootFront = 4;
constexpr double kUpperArmRadius = 2.8;
constexpr double kForearmRadius = 2.3;
constexpr double kThighRadius = 4.6;
constexpr double kShinRadius = 3.3;
constexpr double kFootRadius = 1.8;
constexpr double kOutline = 1.3;  // the stroke of every outline
constexpr double kBallRadius = 4.2;
constexpr double kRollerRadius = 7;

constexpr const char* kInk = "#1a1a1a";
constexpr const char* kGhostInk = "#9a9a9a";
constexpr const char* kFarFill = "#e4e4e4";
constexpr const char* kTargetInk = "#b3261e";

struct Point {
  double x = 0;
  double y = 0;
};
Point operator+(Point a, Point b) {
  return {a.x + b.x, a.y + b.y};
}
Point operator-(Point a, Point b) {
  return {a.x - b.x, a.y - b.y};
}
Point operator*(Point a, double k) {
  return {a.x * k, a.y * k};
}
double length(Point a) {
  return std::hypot(a.x, a.y);
}
Point unit(Point a) {
  const double l = length(a);
  return l > 1e-9 ? a * (1 / l) : Point{0, -1};
}

// 0 up, 90 right, clockwise, with y growing downward as in SVG.
Point direction(double degrees) {
  const double radians = degrees * kPi / 180;
  return {std::sin(radians), -std::cos(radians)};
}
double angle_of(Point v) {
  return std::atan2(v.x, -v.y) * 180 / kPi;
}

std::string number(double value) {
  std::string text = fmt::format("{:.1f}", value);
  if (text == "-0.0") text = "0.0";
  if (text.size() > 2 && text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}
std::string xy(Point p) {
  return number(p.x) + "," + number(p.y);
}

// Text from a knowledge base: control characters made visible (XML forbids most of them,
// and the drawing can be printed to a terminal), then the XML metacharacters escaped.
std::string escaped(std::string_view text) {
  std::string result;
  for (const char c : printable(text)) {
    switch (c) {
      case '&':
        result += "&amp;";
        break;
      case '<':
        result += "&lt;";
        break;
      case '>':
        result += "&gt;";
        break;
      case '"':
        result += "&quot;";
        break;
      default:
        result += c;
    }
  }
  return result;
}

using Angles = std::array<double, kPoseSegmentCount>;

std::size_t index(PoseSegment segment) {
  return static_cast<std::size_t>(segment);
}

// Every segment's angle in each starting position, seen from the side (facing right) or
// from the front. Order: trunk, head, near upper arm, near forearm, far upper arm, far
// forearm, near thigh, near shin, near foot, far thigh, far shin, far foot.
Angles base_angles(PosePosition position, bool side_view) {
  switch (position) {
    case PosePosition::kStanding:
      if (side_view) return {0, 0, 182, 172, 178, 168, 182, 180, 90, 176, 182, 90};
      return {0, 0, 190, 182, 170, 178, 184, 180, 262, 176, 180, 98};
    case PosePosition::kSitting:
      if (side_view) return {0, 0, 176, 120, 172, 116, 90, 180, 90, 88, 178, 90};
      return {0, 0, 188, 172, 172, 188, 176, 180, 262, 184, 180, 98};
    case PosePosition::kLyingBack:
      if (side_view) return {270, 270, 96, 92, 94, 90, 60, 140, 90, 56, 144, 90};
      return {270, 270, 110, 90, 70, 90, 86, 90, 0, 94, 90, 0};
    case PosePosition::kLyingFront:
      return {90, 90, 268, 268, 272, 272, 270, 270, 200, 268, 268, 200};
    case PosePosition::kLyingSide:
      return {270, 270, 262, 274, 110, 96, 92, 88, 0, 84, 112, 20};
    case PosePosition::kKneeling:
      if (side_view) return {0, 0, 182, 172, 178, 168, 182, 270, 270, 178, 270, 270};
      return {0, 0, 190, 182, 170, 178, 184, 180, 262, 176, 180, 98};
    case PosePosition::kHalfKneeling:
      return {0, 0, 182, 172, 178, 168, 100, 180, 90, 184, 270, 270};
    case PosePosition::kAllFours:
      return {64, 68, 170, 170, 166, 166, 180, 270, 270, 176, 270, 270};
  }
  return {};
}

double segment_length(PoseSegment segment, bool side_view) {
  switch (segment) {
    case PoseSegment::kTrunk:
      return kTrunkLength;
    case PoseSegment::kHead:
      return kHeadReach;
    case PoseSegment::kNearUpperArm:
    case PoseSegment::kFarUpperArm:
      return kUpperArm;
    case PoseSegment::kNearForearm:
    case PoseSegment::kFarForearm:
      return kForearm;
    case PoseSegment::kNearThigh:
    case PoseSegment::kFarThigh:
      return kThigh;
    case PoseSegment::kNearShin:
    case PoseSegment::kFarShin:
      return kShin;
    case PoseSegment::kNearFoot:
    case PoseSegment::kFarFoot:
      return side_view ? kFootSide : kFootFront;
  }
  return 0;
}

// The trunk's half-thickness along its length (0 at the hip, 1 at the base of the neck):
// from the side its depth, from the front its width.
double trunk_half_width(double t, bool side_view) {
  static constexpr double kAt[] = {0, 0.25, 0.45, 0.7, 0.88, 1};
  static constexpr double kSide[] = {7.0, 6.6, 6.0, 7.6, 7.2, 5.4};
  static constexpr double kFront[] = {8.6, 7.6, 7.0, 8.6, 9.8, 9.2};
  const double* widths = side_view ? kSide : kFront;
  for (std::size_t i = 1; i < std::size(kAt); ++i) {
    if (t <= kAt[i]) {
      const double k = (t - kAt[i - 1]) / (kAt[i] - kAt[i - 1]);
      return widths[i - 1] + (widths[i] - widths[i - 1]) * k;
    }
  }
  return widths[std::size(kAt) - 1];
}

struct SurfacePoint {
  Point at;
  Point normal;  // outward
};

// A figure placed by forward kinematics, hip at the origin.
class Figure {
 public:
  Figure(const Pose& pose, const PoseShape& shape)
      : side_view_(pose.view == PoseView::kSide),
        // Seen from the front, a seated figure's thighs point at the viewer.
        thigh_(pose.position == PosePosition::kSitting && !side_view_ ? kThigh * 0.36 : kThigh) {
    angles_ = base_angles(pose.position, side_view_);
    for (std::size_t i = 0; i < kPoseSegmentCount; ++i)
      if (shape.angles[i]) angles_[i] = *shape.angles[i];
    // A shape that sets a limb's upper segment but not its lower one keeps the limb's bend.
    const Angles base = base_angles(pose.position, side_view_);
    const auto follow = [&](PoseSegment upper, PoseSegment lower) {
      if (shape.angles[index(upper)] && !shape.angles[index(lower)])
        angles_[index(lower)] = angles_[index(upper)] + base[index(lower)] - base[index(upper)];
    };
    follow(PoseSegment::kNearUpperArm, PoseSegment::kNearForearm);
    follow(PoseSegment::kFarUpperArm, PoseSegment::kFarForearm);
    follow(PoseSegment::kNearShin, PoseSegment::kNearFoot);
    follow(PoseSegment::kFarShin, PoseSegment::kFarFoot);
    bend_ = shape.bend;
    offset_ = {static_cast<double>(shape.hip_x), static_cast<double>(shape.hip_y)};
    place_legs();
    near_hand_target_ = shape.near_hand;
    far_hand_target_ = shape.far_hand;
    place_arms();
  }

  bool side_view() const { return side_view_; }
  double angle(PoseSegment segment) const { return angles_[index(segment)]; }

  // The trunk's centre line: a quadratic curve from the hip to the base of the neck, bowed
  // backward (or, from the front, to the left) by the spine's bend.
  Point axis(double t) const {
    const Point end = direction(angle(PoseSegment::kTrunk)) * kTrunkLength;
    const Point control = end * 0.5 + direction(angle(PoseSegment::kTrunk) - 90) * (bend_ * 1.6);
    return offset_ + control * (2 * t * (1 - t)) + end * (t * t);
  }
  Point tangent(double t) const {
    const Point end = direction(angle(PoseSegment::kTrunk)) * kTrunkLength;
    const Point control = end * 0.5 + direction(angle(PoseSegment::kTrunk) - 90) * (bend_ * 1.6);
    return unit(control * (2 * (1 - 2 * t)) + end * (2 * t));
  }
  // Toward the back (from the side) or the left of the page (from the front).
  Point back(double t) const {
    const Point along = tangent(t);
    return {along.y, -along.x};
  }
  Point neck_base() const { return axis(1); }
  Point head_centre() const {
    return neck_base() + direction(angle(PoseSegment::kHead)) * kHeadReach;
  }
  Point shoulder(bool near) const {
    const double t = 0.88;
    if (side_view_) return axis(t);
    return axis(t) + back(t) * (near ? 8.2 : -8.2);
  }
  Point hip(bool near) const {
    if (side_view_) return axis(0);
    return axis(0) + back(0) * (near ? 4.4 : -4.4);
  }
  Point elbow(bool near) const { return near ? near_elbow_ : far_elbow_; }
  Point hand(bool near) const { return near ? near_hand_ : far_hand_; }
  Point knee(bool near) const { return near ? near_knee_ : far_knee_; }
  Point ankle(bool near) const { return near ? near_ankle_ : far_ankle_; }
  Point toe(bool near) const {
    return ankle(near) + direction(angle(near ? PoseSegment::kNearFoot : PoseSegment::kFarFoot)) *
                             segment_length(PoseSegment::kNearFoot, side_view_);
  }

  SurfacePoint trunk_surface(double t, double side) const {
    const Point normal = back(t) * side;
    return {axis(t) + normal * trunk_half_width(t, side_view_), normal};
  }

  SurfacePoint surface(BodyPoint point) const {
    const double head = angle(PoseSegment::kHead);
    const Point up = tangent(1);
    switch (point) {
      case BodyPoint::kHead:
        return {head_centre() + direction(head) * kHeadRadius, direction(head)};
      case BodyPoint::kForehead:
        return {head_centre() + direction(head + 55) * kHeadRadius, direction(head + 55)};
      case BodyPoint::kSkullBase:
        if (!side_view_)
          return {head_centre() + direction(head + 180) * kHeadRadius, direction(head + 180)};
        return {head_centre() + direction(head - 135) * kHeadRadius, direction(head - 135)};
      case BodyPoint::kNeck: {
        // From the side, the back of the neck; from the front, its right-hand side on the page
        // (the side a one-sided step shows).
        const Point middle = neck_base() + direction(head) * 3.2;
        const Point normal = direction(side_view_ ? head - 90 : head + 90);
        return {middle + normal * kNeckRadius, normal};
      }
      case BodyPoint::kNearShoulder:
      case BodyPoint::kFarShoulder: {
        if (side_view_) return {axis(1) + up * 2.2 + back(1) * 1.5, up};
        const double side = point == BodyPoint::kNearShoulder ? 1 : -1;
        return {axis(1) + back(1) * (5.6 * side) + up * 2.0, up};
      }
      case BodyPoint::kUpperBack:
        return side_view_ ? trunk_surface(0.8, 1) : SurfacePoint{axis(0.78), back(0.78)};
      case BodyPoint::kBetweenShoulderBlades:
        return side_view_ ? trunk_surface(0.7, 1) : SurfacePoint{axis(0.72), back(0.72)};
      case BodyPoint::kLowerBack:
        return side_view_ ? trunk_surface(0.25, 1) : SurfacePoint{axis(0.25), back(0.25)};
      case BodyPoint::kChest:
        return side_view_ ? trunk_surface(0.74, -1) : SurfacePoint{axis(0.74), back(0.74) * -1};
      case BodyPoint::kBelly:
        return side_view_ ? trunk_surface(0.35, -1) : SurfacePoint{axis(0.35), back(0.35) * -1};
      case BodyPoint::kNearSide:
      case BodyPoint::kFarSide: {
        const double side = point == BodyPoint::kNearSide ? 1 : -1;
        if (side_view_) return {axis(0.55), back(0.55) * -1};
        return trunk_surface(0.58, side);
      }
      case BodyPoint::kNearArmpit:
      case BodyPoint::kFarArmpit: {
        const double side = point == BodyPoint::kNearArmpit ? 1 : -1;
        if (side_view_) return {axis(0.78), back(0.78) * -1};
        return trunk_surface(0.78, side);
      }
      case BodyPoint::kButtock:
        if (!side_view_) return trunk_surface(0.05, 1);
        return {axis(0) + (back(0) + tangent(0) * -0.6) *
                              (1 / length(back(0) + tangent(0) * -0.6)) * trunk_half_width(0, true),
                unit(back(0) + tangent(0) * -0.6)};
      case BodyPoint::kHipFront:
        return side_view_ ? trunk_surface(0.08, -1) : trunk_surface(0.08, 1);
      case BodyPoint::kNearElbow:
        return {elbow(true), direction(angle(PoseSegment::kNearUpperArm) + 90)};
      case BodyPoint::kFarElbow:
        return {elbow(false), direction(angle(PoseSegment::kFarUpperArm) + 90)};
      case BodyPoint::kNearHand:
        return {hand(true), direction(angle(PoseSegment::kNearForearm))};
      case BodyPoint::kFarHand:
        return {hand(false), direction(angle(PoseSegment::kFarForearm))};
      case BodyPoint::kNearKnee:
        return {knee(true), direction(angle(PoseSegment::kNearThigh) - 90)};
      case BodyPoint::kFarKnee:
        return {knee(false), direction(angle(PoseSegment::kFarThigh) - 90)};
      case BodyPoint::kNearFoot:
        return {(ankle(true) + toe(true)) * 0.5, direction(angle(PoseSegment::kNearFoot) + 90)};
      case BodyPoint::kFarFoot:
        return {(ankle(false) + toe(false)) * 0.5, direction(angle(PoseSegment::kFarFoot) + 90)};
    }
    return {axis(0.5), back(0.5)};
  }

 private:
  void place_legs() {
    near_knee_ = hip(true) + direction(angle(PoseSegment::kNearThigh)) * thigh_;
    near_ankle_ = near_knee_ + direction(angle(PoseSegment::kNearShin)) * kShin;
    far_knee_ = hip(false) + direction(angle(PoseSegment::kFarThigh)) * thigh_;
    far_ankle_ = far_knee_ + direction(angle(PoseSegment::kFarShin)) * kShin;
  }

  // Two-segment reach: the elbow bends forward and toward the hips (or, from the front,
  // downward), as arms usually do.
  void reach(bool near, const std::optional<BodyPoint>& target) {
    const PoseSegment upper = near ? PoseSegment::kNearUpperArm : PoseSegment::kFarUpperArm;
    const PoseSegment lower = near ? PoseSegment::kNearForearm : PoseSegment::kFarForearm;
    const Point from = shoulder(near);
    if (target) {
      const SurfacePoint goal = surface(*target);
      const Point to = goal.at + goal.normal * (kForearmRadius * 0.6);
      const double distance =
          std::clamp(length(to - from), kForearm - kUpperArm + 0.5, kUpperArm + kForearm - 0.01);
      const double toward = angle_of(to - from);
      const double cosine = (kUpperArm * kUpperArm + distance * distance - kForearm * kForearm) /
                            (2 * kUpperArm * distance);
      const double spread = std::acos(std::clamp(cosine, -1.0, 1.0)) * 180 / kPi;
      const Point preferred = side_view_ ? back(0.8) * -1 + tangent(0.5) * -0.8 : Point{0, 1};
      const auto score = [&](double upper_angle) {
        const Point elbow = direction(upper_angle);
        return elbow.x * preferred.x + elbow.y * preferred.y;
      };
      const double upper_angle =
          score(toward + spread) >= score(toward - spread) ? toward + spread : toward - spread;
      const Point elbow = from + direction(upper_angle) * kUpperArm;
      angles_[index(upper)] = upper_angle;
      angles_[index(lower)] = angle_of(to - elbow);
    }
    const Point elbow = from + direction(angle(upper)) * kUpperArm;
    (near ? near_elbow_ : far_elbow_) = elbow;
    (near ? near_hand_ : far_hand_) = elbow + direction(angle(lower)) * kForearm;
  }

  void place_arms() {
    reach(true, std::nullopt);
    reach(false, std::nullopt);
    reach(true, near_hand_target_);
    reach(false, far_hand_target_);
  }

  bool side_view_;
  double thigh_;
  Angles angles_{};
  int bend_ = 0;
  Point offset_;
  std::optional<BodyPoint> near_hand_target_;
  std::optional<BodyPoint> far_hand_target_;
  Point near_elbow_, near_hand_, far_elbow_, far_hand_;
  Point near_knee_, near_ankle_, far_knee_, far_ankle_;
};

// What is drawn, with its extent, so that the viewBox, floor and walls can be found.
class Canvas {
 public:
  void include(Point p, double radius = 0) {
    min_.x = std::min(min_.x, p.x - radius);
    min_.y = std::min(min_.y, p.y - radius);
    max_.x = std::max(max_.x, p.x + radius);
    max_.y = std::max(max_.y, p.y + radius);
  }
  Point min() const { return min_; }
  Point max() const { return max_; }

 private:
  Point min_{1e9, 1e9};
  Point max_{-1e9, -1e9};
};

struct Colours {
  const char* ink;
  const char* fill;
  const char* far_fill;
};

std::string stroke_line(Point a, Point b, double width, const char* colour) {
  return fmt::format(
      R"~(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}" stroke-linecap="round"/>)~",
      number(a.x), number(a.y), number(b.x), number(b.y), colour, number(width));
}

struct Limb {
  Point from;
  Point to;
  double radius;
};

// Limbs outlined as one piece: every black stroke first, then every white one.
std::string outlined(const std::vector<Limb>& limbs, const char* ink, const char* fill,
                     Canvas& canvas) {
  std::string svg;
  for (const Limb& limb : limbs) {
    svg += stroke_line(limb.from, limb.to, 2 * limb.radius + 2 * kOutline, ink);
    canvas.include(limb.from, limb.radius + kOutline);
    canvas.include(limb.to, limb.radius + kOutline);
  }
  for (const Limb& limb : limbs) svg += stroke_line(limb.from, limb.to, 2 * limb.radius, fill);
  return svg;
}

std::string trunk_outline(const Figure& figure, const Colours& colours, Canvas& canvas) {
  const bool side_view = figure.side_view();
  std::vector<Point> outline;
  constexpr int kSteps = 14;
  for (int i = 0; i <= kSteps; ++i) {
    const double t = static_cast<double>(i) / kSteps;
    outline.push_back(figure.axis(t) + figure.back(t) * -trunk_half_width(t, side_view));
  }
  // The shoulders: a flat cap; the seat: a round one.
  const auto cap = [&](double t, double flatness, double sign) {
    const Point centre = figure.axis(t);
    const Point across = figure.back(t);
    const Point along = figure.tangent(t) * sign;
    const double half = trunk_half_width(t, side_view);
    for (int i = 1; i < 8; ++i) {
      const double a = kPi * i / 8;
      outline.push_back(centre + across * (-std::cos(a) * half * sign) +
                        along * (std::sin(a) * half * flatness));
    }
  };
  cap(1, side_view ? 0.5 : 0.3, 1);
  for (int i = kSteps; i >= 0; --i) {
    const double t = static_cast<double>(i) / kSteps;
    outline.push_back(figure.axis(t) + figure.back(t) * trunk_half_width(t, side_view));
  }
  cap(0, side_view ? 0.9 : 0.55, -1);
  std::string path;
  for (const Point& p : outline) {
    path += path.empty() ? 'M' : 'L';
    path += xy(p);
    canvas.include(p, kOutline);
  }
  return fmt::format(
      R"~(<path d="{}Z" fill="{}" stroke="{}" stroke-width="{}" stroke-linejoin="round"/>)~", path,
      colours.fill, colours.ink, number(kOutline));
}

std::string head_drawing(const Figure& figure, const Colours& colours, Canvas& canvas) {
  const Point centre = figure.head_centre();
  const double head = figure.angle(PoseSegment::kHead);
  std::string svg;
  if (figure.side_view()) {
    // A small nose says which way the face looks.
    const double face = head + 90;
    const Point a = centre + direction(face - 30) * (kHeadRadius - 0.4);
    const Point tip = centre + direction(face + 8) * (kHeadRadius + 2.1);
    const Point b = centre + direction(face + 25) * (kHeadRadius - 0.4);
    svg += fmt::format(
        R"~(<path d="M{}L{}L{}Z" fill="{}" stroke="{}" stroke-width="{}" stroke-linejoin="round"/>)~",
        xy(a), xy(tip), xy(b), colours.fill, colours.ink, number(kOutline));
    canvas.include(tip, kOutline);
  }
  svg +=
      fmt::format(R"~(<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="{}"/>)~",
                  number(centre.x), number(centre.y), number(kHeadRadius), colours.fill,
                  colours.ink, number(kOutline));
  canvas.include(centre, kHeadRadius + kOutline);
  return svg;
}

std::string figure_drawing(const Figure& figure, const Colours& colours, Canvas& canvas) {
  const bool side = figure.side_view();
  const auto arm = [&](bool near) {
    return std::vector<Limb>{{figure.shoulder(near), figure.elbow(near), kUpperArmRadius},
                             {figure.elbow(near), figure.hand(near), kForearmRadius}};
  };
  const auto leg = [&](bool near) {
    return std::vector<Limb>{{figure.hip(near), figure.knee(near), kThighRadius},
                             {figure.knee(near), figure.ankle(near), kShinRadius},
                             {figure.ankle(near), figure.toe(near), kFootRadius}};
  };
  const Limb neck{figure.neck_base() + figure.tangent(1) * -2,
                  figure.neck_base() + direction(figure.angle(PoseSegment::kHead)) * 5,
                  kNeckRadius};
  std::string svg;
  if (side) {
    // Far limbs behind the body, shaded; near ones in front.
    svg += outlined(arm(false), colours.ink, colours.far_fill, canvas);
    svg += outlined(leg(false), colours.ink, colours.far_fill, canvas);
    svg += outlined({neck}, colours.ink, colours.fill, canvas);
    svg += trunk_outline(figure, colours, canvas);
    svg += head_drawing(figure, colours, canvas);
    svg += outlined(leg(true), colours.ink, colours.fill, canvas);
    svg += outlined(arm(true), colours.ink, colours.fill, canvas);
  } else {
    svg += outlined(leg(false), colours.ink, colours.fill, canvas);
    svg += outlined(leg(true), colours.ink, colours.fill, canvas);
    svg += outlined({neck}, colours.ink, colours.fill, canvas);
    svg += trunk_outline(figure, colours, canvas);
    svg += head_drawing(figure, colours, canvas);
    svg += outlined(arm(false), colours.ink, colours.fill, canvas);
    svg += outlined(arm(true), colours.ink, colours.fill, canvas);
  }
  return svg;
}

std::string arrowhead(Point tip, double towards, const char* colour) {
  const Point back = direction(towards + 180);
  const Point a = tip + direction(towards + 180 - 28) * 3.6;
  const Point b = tip + direction(towards + 180 + 28) * 3.6;
  (void)back;
  return fmt::format(
      R"~(<path d="M{}L{}L{}Z" fill="{}" stroke="{}" stroke-width="0.6" stroke-linejoin="round"/>)~",
      xy(tip), xy(a), xy(b), colour, colour);
}

std::string arrow_drawing(const PoseArrow& arrow, const Figure& figure, Canvas& canvas) {
  std::string svg;
  const char* colour = kInk;
  if (arrow.at) {
    const SurfacePoint point = figure.surface(*arrow.at);
    const Point centre = point.at + point.normal * arrow.offset;
    const Point along = direction(arrow.direction);
    const Point start = centre - along * (arrow.length / 2.0);
    const Point end = centre + along * (arrow.length / 2.0);
    // The shaft stops short of each head, so that the point stays sharp.
    const Point shaft_start = arrow.both_ways ? start + along * 2.5 : start;
    svg += stroke_line(shaft_start, end - along * 2.5, 1.5, colour);
    svg += arrowhead(end, arrow.direction, colour);
    if (arrow.both_ways) svg += arrowhead(start, arrow.direction + 180, colour);
    canvas.include(start, 3);
    canvas.include(end, 3);
    return svg;
  }
  if (!arrow.around) return svg;
  const Point centre = figure.surface(*arrow.around).at;
  const double sweep = arrow.to - arrow.from;
  const bool clockwise = sweep > 0;
  // Leave room for the heads at the ends of the arc.
  const double head_degrees = std::min(std::abs(sweep) / 3, 2.5 * 180 / (kPi * arrow.radius));
  const double from =
      arrow.from + (arrow.both_ways ? (clockwise ? head_degrees : -head_degrees) : 0);
  const double to = arrow.to - (clockwise ? head_degrees : -head_degrees);
  const Point start = centre + direction(from) * arrow.radius;
  const Point end = centre + direction(to) * arrow.radius;
  svg += fmt::format(
      R"~(<path d="M{}A{},{} 0 {} {} {}" fill="none" stroke="{}" stroke-width="1.5" stroke-linecap="round"/>)~",
      xy(start), arrow.radius, arrow.radius, std::abs(to - from) > 180 ? 1 : 0, clockwise ? 1 : 0,
      xy(end), colour);
  const Point tip = centre + direction(arrow.to) * arrow.radius;
  svg += arrowhead(tip, arrow.to + (clockwise ? 90 : -90), colour);
  if (arrow.both_ways) {
    const Point tail = centre + direction(arrow.from) * arrow.radius;
    svg += arrowhead(tail, arrow.from + (clockwise ? -90 : 90), colour);
  }
  for (int i = 0; i <= 8; ++i)
    canvas.include(centre + direction(arrow.from + sweep * i / 8) * arrow.radius, 3);
  return svg;
}

// The marked target: a hatched disc with a ring, sunk a little into the body so that a
// ball or roller beside it leaves it visible.
std::string target_drawing(const Figure& figure, BodyPoint target, std::string_view id_prefix,
                           Canvas& canvas) {
  const SurfacePoint point = figure.surface(target);
  const Point centre = point.at - point.normal * 1.6;
  canvas.include(centre, 5);
  return fmt::format(
      R"~(<circle cx="{0}" cy="{1}" r="4.4" fill="url(#{2}-hatch)" stroke="{3}" stroke-width="1.3"/>)~"
      R"~(<circle cx="{0}" cy="{1}" r="1.2" fill="{3}"/>)~",
      number(centre.x), number(centre.y), id_prefix, kTargetInk);
}

struct Scene {
  const Pose& pose;
  const Figure& figure;
  std::string_view id_prefix;
};

Point ball_centre(const Figure& figure, BodyPoint at, double radius) {
  const SurfacePoint point = figure.surface(at);
  return point.at + point.normal * (radius + kOutline * 0.5);
}

std::string ball_drawing(Point c, std::string_view id_prefix) {
  const double r = kBallRadius;
  // A filled ball with the curved seam of a tennis ball.
  return fmt::format(
      R"~(<circle cx="{0}" cy="{1}" r="{2}" fill="url(#{3}-dots)" stroke="{4}" stroke-width="1.2"/>)~"
      R"~(<path d="M{5}Q{6} {7}M{8}Q{9} {10}" fill="none" stroke="{4}" stroke-width="0.7"/>)~",
      number(c.x), number(c.y), number(r), id_prefix, kInk, xy(c + Point{-r * 0.72, -r * 0.7}),
      xy(c + Point{-r * 0.05, 0}), xy(c + Point{-r * 0.72, r * 0.7}),
      xy(c + Point{r * 0.72, -r * 0.7}), xy(c + Point{r * 0.05, 0}),
      xy(c + Point{r * 0.72, r * 0.7}));
}

std::string roller_drawing(Point c) {
  return fmt::format(
      R"~(<circle cx="{0}" cy="{1}" r="{2}" fill="#d0d0d0" stroke="{3}" stroke-width="1.3"/>)~"
      R"~(<circle cx="{0}" cy="{1}" r="{4}" fill="#ffffff" stroke="{3}" stroke-width="0.9"/>)~"
      R"~(<circle cx="{0}" cy="{1}" r="1.2" fill="{3}"/>)~",
      number(c.x), number(c.y), number(kRollerRadius), kInk, number(kRollerRadius * 0.55));
}

std::string pack_drawing(const Figure& figure, BodyPoint at, bool hot, int stacked) {
  const SurfacePoint point = figure.surface(at);
  // A second pack lies beside the first, toward the feet.
  const Point centre =
      point.at + point.normal * 2.4 + direction(angle_of(point.normal) - 90) * (17.0 * stacked);
  const double rotation = angle_of(point.normal);
  std::string svg = fmt::format(
      R"~(<g transform="translate({}) rotate({})">)~"
      R"~(<rect x="-8" y="-3" width="16" height="6" rx="2.4" fill="#ffffff" stroke="{}" stroke-width="1.2"/>)~",
      xy(centre), number(rotation), kInk);
  if (hot) {
    // Three wavy lines rising off the pack: heat.
    for (const double x : {-4.5, 0.0, 4.5})
      svg += fmt::format(
          R"~(<path d="M{0},-4.5q-1.6,-1.6 0,-3.2t0,-3.2" fill="none" stroke="{1}" stroke-width="0.9" stroke-linecap="round"/>)~",
          number(x), kInk);
  } else {
    // Snowflakes on the pack: cold.
    for (const double x : {-4.0, 4.0})
      svg += fmt::format(
          R"~(<path d="M{0},-2.2V2.2M{1},-1.1L{2},1.1M{1},1.1L{2},-1.1" stroke="{3}" stroke-width="0.7" stroke-linecap="round"/>)~",
          number(x), number(x - 1.9), number(x + 1.9), kInk);
  }
  return svg + "</g>";
}

std::string band_drawing(Point from, Point to) {
  return stroke_line(from, to, 2.6, kInk) + stroke_line(from, to, 1.0, "#ffffff");
}

std::string cane_drawing(const Figure& figure, BodyPoint at, Canvas& canvas) {
  const SurfacePoint tip = figure.surface(at);
  const Point start = tip.at + tip.normal * 1.2;
  const Point up = figure.tangent(1);
  const Point backward = figure.back(0.8);
  const Point top = figure.surface(BodyPoint::kNearShoulder).at + up * 6;
  const Point handle = figure.hand(true);
  canvas.include(top, 2);
  canvas.include(handle, 2);
  // Up the back to a hook above the shoulder, then down in front to the hands.
  return fmt::format(
      R"~(<path d="M{}Q{} {}Q{} {}" fill="none" stroke="{}" stroke-width="2.4" stroke-linecap="round"/>)~",
      xy(start), xy(start + backward * 7 + up * 14), xy(top), xy(top - backward * 14), xy(handle),
      kInk);
}

}  // namespace

std::string technique_drawing_words(const Pose& pose, std::string_view name) {
  bool chair = false;
  for (std::size_t i = 0; i < pose.prop_count; ++i)
    chair = chair || pose.props[i].kind == PropKind::kChair;
  std::string words = std::string(name) + ": ";
  switch (pose.position) {
    case PosePosition::kStanding:
      words += "standing";
      break;
    case PosePosition::kSitting:
      words += chair ? "sitting on a chair" : "sitting";
      break;
    case PosePosition::kLyingBack:
      words += "lying on the back";
      break;
    case PosePosition::kLyingFront:
      words += "lying face down";
      break;
    case PosePosition::kLyingSide:
      words += "lying on one side";
      break;
    case PosePosition::kKneeling:
      words += "kneeling";
      break;
    case PosePosition::kHalfKneeling:
      words += "kneeling on one knee, the other foot forward";
      break;
    case PosePosition::kAllFours:
      words += "on hands and knees";
      break;
  }
  words += pose.view == PoseView::kSide    ? ", seen from the side"
           : pose.view == PoseView::kFront ? ", seen from the front"
                                           : ", seen from behind";
  for (std::size_t i = 0; i < pose.prop_count; ++i) {
    const PoseProp& prop = pose.props[i];
    const std::string at = prop.at ? std::string(body_point_words(*prop.at)) : "";
    switch (prop.kind) {
      case PropKind::kBall:
        words += ", a ball at " + at;
        break;
      case PropKind::kRoller:
        words += ", a foam roller at " + at;
        break;
      case PropKind::kWall:
        words += ", a wall";
        break;
      case PropKind::kDoorway:
        words += ", a door frame";
        break;
      case PropKind::kChair:
        break;
      case PropKind::kBand:
        words += ", an elastic band";
        break;
      case PropKind::kHotPack:
        words += ", a wrapped heat pack on " + at;
        break;
      case PropKind::kColdPack:
        words += ", a wrapped cold pack on " + at;
        break;
      case PropKind::kTowel:
        words += ", a folded towel under " + at;
        break;
      case PropKind::kCane:
        words += ", a massage cane hooked over the shoulder, its tip on " + at;
        break;
    }
  }
  words += ". The target, " + std::string(body_point_words(pose.target)) + ", is marked";
  if (pose.end) words += "; grey outlines show where the movement ends";
  if (pose.arrow_count > 0) words += "; arrows show the movement";
  return words + ".";
}

std::string technique_drawing_svg(const Pose& pose, std::string_view name,
                                  std::string_view id_prefix) {
  const Figure figure(pose, pose.start);
  Canvas canvas;
  std::string ghost;
  if (pose.end) {
    const Figure end(pose, *pose.end);
    ghost = figure_drawing(end, {kGhostInk, "#ffffff", "#f2f2f2"}, canvas);
  }
  const std::string body = figure_drawing(figure, {kInk, "#ffffff", kFarFill}, canvas);
  const std::string target = target_drawing(figure, pose.target, id_prefix, canvas);

  // Props that touch the body come first, so that the floor and walls clear them.
  std::string front;
  std::optional<Point> band_start;
  std::optional<Point> band_end;
  bool band_to_wall = false;
  int packs = 0;
  for (std::size_t i = 0; i < pose.prop_count; ++i) {
    const PoseProp& prop = pose.props[i];
    switch (prop.kind) {
      case PropKind::kBall:
        if (prop.at) {
          const Point c = ball_centre(figure, *prop.at, kBallRadius);
          front += ball_drawing(c, id_prefix);
          canvas.include(c, kBallRadius + 1);
        }
        break;
      case PropKind::kRoller:
        if (prop.at) {
          const Point c = ball_centre(figure, *prop.at, kRollerRadius);
          front += roller_drawing(c);
          canvas.include(c, kRollerRadius + 1);
        }
        break;
      case PropKind::kHotPack:
      case PropKind::kColdPack:
        if (prop.at) {
          front += pack_drawing(figure, *prop.at, prop.kind == PropKind::kHotPack, packs++);
          canvas.include(figure.surface(*prop.at).at, 10);
        }
        break;
      case PropKind::kCane:
        if (prop.at) front += cane_drawing(figure, *prop.at, canvas);
        break;
      case PropKind::kBand:
        if (prop.at) {
          band_start = figure.surface(*prop.at).at;
          if (prop.to)
            band_end = figure.surface(*prop.to).at;
          else
            band_to_wall = true;
        }
        break;
      default:
        break;
    }
  }
  if (band_start && band_end) {
    front += band_drawing(*band_start, *band_end);
    canvas.include(*band_end, 2);
  }

  // The floor: under the lowest thing drawn; chairs stand on it.
  const Point body_min = canvas.min();
  const Point body_max = canvas.max();
  double floor = body_max.y;
  std::string behind;
  for (std::size_t i = 0; i < pose.prop_count; ++i) {
    const PoseProp& prop = pose.props[i];
    if (prop.kind != PropKind::kChair) continue;
    const Point hip = figure.axis(0);
    const double seat = hip.y + trunk_half_width(0, figure.side_view()) * 0.9 + kOutline;
    floor = std::max(floor, seat + 14);
    const double back_x = figure.side_view() ? hip.x - 9 : hip.x - 15;
    const double front_x = figure.side_view() ? hip.x + 15 : hip.x + 15;
    behind += fmt::format(
        R"~(<g fill="none" stroke="{0}" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">)~"
        R"~(<path d="M{1},{2}H{3}M{1},{2}V{4}M{3},{2}V{4}"/>)~",
        kInk, number(back_x), number(seat), number(front_x), number(floor));
    if (figure.side_view())
      behind += fmt::format(R"~(<path d="M{0},{1}V{2}M{3},{2}H{0}"/>)~", number(back_x - 1),
                            number(seat), number(seat - 17), number(back_x - 4));
    else  // the backrest, seen behind the body, and the seat's edge
      behind += fmt::format(
          R"~(<rect x="{0}" y="{1}" width="28" height="{2}" rx="1.5" fill="url(#{3}-wood)"/>)~"
          R"~(<path d="M{4},{5}H{6}" stroke-width="3"/>)~",
          number(hip.x - 14), number(seat - 24), number(24), id_prefix, number(back_x - 2),
          number(seat + 1), number(front_x + 2));
    behind += "</g>";
    canvas.include({back_x - 4, seat - (figure.side_view() ? 17 : 24)});
    canvas.include({front_x, floor});
  }
  for (std::size_t i = 0; i < pose.prop_count; ++i) {
    const PoseProp& prop = pose.props[i];
    if (prop.kind != PropKind::kTowel || !prop.at) continue;
    const Point at = figure.surface(*prop.at).at;
    behind += fmt::format(
        R"~(<rect x="{}" y="{}" width="16" height="3.2" rx="1.2" fill="#ffffff" stroke="{}" stroke-width="1"/>)~"
        R"~(<path d="M{},{}h14" stroke="{}" stroke-width="0.5"/>)~",
        number(at.x - 8), number(floor - 3.2), kInk, number(at.x - 7), number(floor - 1.6), kInk);
  }

  // Walls and door frames touch the figure on their side; the top of the drawing is
  // above the head.
  const double top = std::min(body_min.y, floor - 100) - 4;
  std::optional<double> anchor_x;
  for (std::size_t i = 0; i < pose.prop_count; ++i) {
    const PoseProp& prop = pose.props[i];
    if (prop.kind != PropKind::kWall && prop.kind != PropKind::kDoorway) continue;
    const bool left = prop.side == PoseSide::kLeft;
    double x = left ? body_min.x : body_max.x;
    if (prop.at) x = figure.surface(*prop.at).at.x;
    if (prop.kind == PropKind::kWall) {
      std::string hatch;
      for (double y = top + 3; y < floor - 1; y += 5)
        hatch += fmt::format("M{},{}l{},-4", number(x), number(y + 4), left ? -4 : 4);
      behind += fmt::format(
          R"~(<path d="M{0},{1}V{2}" stroke="{3}" stroke-width="1.6"/><path d="{4}" stroke="{3}" stroke-width="0.7"/>)~",
          number(x), number(top), number(floor), kInk, hatch);
      canvas.include({x + (left ? -5 : 5), top});
    } else {
      const double width = 5;
      const double x0 = prop.at ? x - width / 2 : (left ? x - width : x);
      behind += fmt::format(
          R"~(<rect x="{}" y="{}" width="{}" height="{}" fill="url(#{}-wood)" stroke="{}" stroke-width="1.2"/>)~",
          number(x0), number(top), number(width), number(floor - top), id_prefix, kInk);
      canvas.include({x0 - 1, top});
      canvas.include({x0 + width + 1, top});
    }
    anchor_x = x;
  }
  if (band_start && band_to_wall && anchor_x) {
    const Point end{*anchor_x, band_start->y};
    front += band_drawing(*band_start, end);
  }

  std::string arrows;
  for (std::size_t i = 0; i < pose.arrow_count; ++i)
    arrows += arrow_drawing(pose.arrows[i], figure, canvas);

  const Point min = canvas.min();
  const Point max = canvas.max();
  const double left = min.x - 4;
  const double right = max.x + 4;
  const std::string ground =
      fmt::format(R"~(<path d="M{0},{1}H{2}" stroke="{3}" stroke-width="1.6"/>)~", number(left + 1),
                  number(floor), number(right - 1), kInk);
  std::string ground_hatch;
  for (double x = left + 3; x < right - 2; x += 5)
    ground_hatch += fmt::format("M{},{}l-3,3.5", number(x + 3), number(floor));
  const double bottom = floor + 4.5;
  const double view_top = std::min(min.y, top) - 2;

  const std::string words = escaped(technique_drawing_words(pose, name));
  const std::string prefix(id_prefix);
  std::string svg = fmt::format(
      R"~(<svg xmlns="http://www.w3.org/2000/svg" class="technique-drawing" viewBox="{} {} {} {}" role="img" aria-label="{}">)~"
      "<title id=\"{}-title\">{}</title>"
      "<defs>"
      R"~(<pattern id="{}-hatch" width="2.4" height="2.4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2.4" height="2.4" fill="#ffffff"/><path d="M0,0V2.4" stroke="{}" stroke-width="1.1"/></pattern>)~"
      R"~(<pattern id="{}-dots" width="1.8" height="1.8" patternUnits="userSpaceOnUse"><rect width="1.8" height="1.8" fill="#e6e6e6"/><circle cx="0.9" cy="0.9" r="0.45" fill="#555555"/></pattern>)~"
      R"~(<pattern id="{}-wood" width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="3" height="3" fill="#ffffff"/><path d="M0,0V3" stroke="#777777" stroke-width="0.6"/></pattern>)~"
      "</defs>",
      number(left), number(view_top), number(right - left), number(bottom - view_top), words,
      prefix, words, prefix, kTargetInk, prefix, prefix);
  svg += behind;
  svg += ghost;
  svg += body;
  svg += target;
  svg += front;
  svg += ground;
  svg += fmt::format(R"~(<path d="{}" stroke="{}" stroke-width="0.7"/>)~", ground_hatch, kInk);
  svg += arrows;
  return svg + "</svg>";
}

}  // namespace knotplan
