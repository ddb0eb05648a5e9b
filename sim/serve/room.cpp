#include "sim/serve/room.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sim/serve/api_error.hpp"
#include "sim/serve/api_number.hpp"

namespace urbis::serve {

namespace {

// The state whose populism the slider shows at first: the scenario's first
// protagonist, else the largest economy.
std::string first_state(const Scenario& s, const World& w) {
  for (const auto& p : s.protagonists)
    if (state_index(w, p) >= 0) return p;
  if (w.states.size() == 0) return {};
  Eigen::Index best = 0;
  w.states.gdp.maxCoeff(&best);
  return w.states.iso3[static_cast<std::size_t>(best)];
}

// Cities the scenario names (events, founders): students may play them too.
std::vector<std::string> named_cities(const Scenario& s) {
  std::vector<std::string> n;
  for (const auto& e : s.events) {
    if (!e.city.empty()) n.push_back(e.city);
    for (const auto& f : e.founders) n.push_back(f);
    if (e.target.starts_with("city:")) n.push_back(e.target.substr(5));
  }
  return n;
}

}  // namespace

Room::Room(std::string code, std::shared_ptr<const Library> library, const LibraryEntry& entry, bool classroom,
           RoomSettings settings)
    : code_(std::move(code)),
      library_(std::move(library)),
      entry_(entry),
      classroom_(classroom),
      settings_(settings),
      sim_(entry, classroom),
      populism_state_(first_state(entry.scenario, sim_.world())),
      report_(library_),
      stepper_(
          mutex_, [this] { return due_locked(); }, [this] { tick_locked(); }) {
  std::lock_guard lock(mutex_);  // the stepper's thread is already running
  left_ = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(settings_.round_seconds));
  if (classroom_) roster_.set_playable(Roster::playable_cities(sim_.world(), named_cities(entry.scenario)));
}

Room::~Room() { stepper_.stop(); }

std::uint64_t Room::version() {
  std::lock_guard lock(mutex_);
  return version_;
}

// ---------------------------------------------------------------- stepping

namespace {
Stepper::Clock::duration seconds(double s) {
  return std::chrono::duration_cast<Stepper::Clock::duration>(std::chrono::duration<double>(s));
}
}  // namespace

std::optional<Room::Clock::time_point> Room::due_locked() const {
  if (sim_.finished() || !failure_.empty()) return std::nullopt;
  if (!classroom_) {
    if (!running_) return std::nullopt;
    return last_tick_ + seconds(1.0 / speed_);
  }
  if (clock_running_) return deadline_;
  return std::nullopt;
}

void Room::tick_locked() {
  try {
    if (classroom_ && !locked_) {
      // The deadline: time's up. Choices lock; the round is played a moment
      // later, so that every page can say so first.
      locked_ = true;
      deadline_ = Clock::now() + seconds(settings_.lock_seconds);
      changed_locked();
      return;
    }
    advance_locked();
  } catch (const std::exception& e) {
    running_ = false;
    clock_running_ = false;
    failure_ = e.what();
    changed_locked();
    throw;
  }
  if (classroom_) return;
  // Keep to the speed without bursts to catch up after a slow step; leave at
  // least a moment between steps for the requests waiting on the lock.
  const auto now = Clock::now();
  const auto period = seconds(1.0 / speed_);
  last_tick_ = std::max(last_tick_ + period, now - period + std::chrono::milliseconds(2));
  if (sim_.finished()) running_ = false;
}

void Room::advance_locked() {
  std::vector<std::vector<std::int32_t>> before;
  if (classroom_) {
    log_round(log_, roster_, sim_);
    before = memberships_of(roster_, sim_.world());
  }
  sim_.step();
  data_changed_locked(true);
  if (!classroom_) return;
  record_round(roster_, sim_, before);
  // The next round opens with a full countdown.
  locked_ = false;
  if (sim_.finished()) clock_running_ = false;
  if (clock_running_) deadline_ = Clock::now() + seconds(settings_.round_seconds);
  else left_ = seconds(settings_.round_seconds);
}

ojson Room::clock_locked() const {
  if (!classroom_ || settings_.round_seconds <= 0) return nullptr;
  const auto left = clock_running_ ? std::max(Clock::duration::zero(), deadline_ - Clock::now()) : left_;
  return {{"seconds", settings_.round_seconds},
          {"running", clock_running_},
          {"locked", locked_},
          {"left", std::round(std::chrono::duration<double>(left).count() * 10) / 10}};
}

// ---------------------------------------------------------------- views

ojson Room::state_locked() const {
  const Scenario& s = entry_.scenario;
  const World& w = sim_.world();
  const Params& p = sim_.params();
  ojson params;
  for (const auto& sl : slider_specs()) {
    if (sl.key == "populism")
      params["populism"] = {{"state", populism_state_},
                            {"value", rounded(slider_value(sl.key, w, p, populism_state_))}};
    else if (sl.key == "salience")
      params["salience"] = {{"issue", salience_issue_},
                            {"value", rounded(slider_value(sl.key, w, p, salience_issue_))}};
    else params[sl.key] = rounded(slider_value(sl.key, w, p, {}));
  }
  ojson j;
  j["room"] = code_;
  j["scenario"] = entry_.name;
  j["classroom"] = classroom_;
  j["year"] = std::min(sim_.next_year(), s.end);
  j["start"] = s.start;
  j["end"] = s.end;
  j["running"] = running_;
  j["speed"] = speed_;
  j["version"] = version_;
  j["params"] = params;
  j["changes"] = changes_;
  j["players"] = roster_.players().size();
  j["round_open"] = classroom_ && !sim_.finished() && !locked_;
  j["finished"] = sim_.finished();
  j["years_done"] = sim_.next_year() - s.start;
  if (classroom_) {
    j["round_seconds"] = settings_.round_seconds;
    j["clock"] = clock_locked();
    j["locked"] = locked_;
  }
  if (!failure_.empty()) j["failure"] = failure_;
  return j;
}

ojson Room::state() {
  std::lock_guard lock(mutex_);
  return state_locked();
}

std::shared_ptr<const std::string> Room::data(std::optional<std::uint64_t> since, bool gzipped) {
  std::unique_lock lock(mutex_);
  return report_.answer(lock, since, version_, gzipped, [this](bool tables) {
    return ReportCache::Snapshot{changes_.dump(), tables ? sim_.tables().copy() : nullptr};
  });
}

ojson Room::sliders() {
  std::lock_guard lock(mutex_);
  const World& w = sim_.world();
  ojson out = ojson::array();
  for (const auto& sl : slider_specs()) {
    ojson j = {{"key", sl.key}, {"label", sl.label}, {"min", sl.min}, {"max", sl.max}, {"step", sl.step}};
    if (sl.key == "populism") {
      j["value"] = rounded(slider_value(sl.key, w, sim_.params(), populism_state_));
      j["state"] = populism_state_;
      j["states"] = w.states.iso3;
    } else if (sl.key == "salience") {
      j["value"] = rounded(slider_value(sl.key, w, sim_.params(), salience_issue_));
      j["issue"] = salience_issue_;
      j["issues"] = ojson::array();
      for (auto q : kIssueNames) j["issues"].push_back(q);
    } else {
      j["value"] = rounded(slider_value(sl.key, w, sim_.params(), {}));
    }
    out.push_back(std::move(j));
  }
  return out;
}

// ---------------------------------------------------------------- teacher's controls

ojson Room::control(const ControlRequest& r) {
  std::lock_guard lock(mutex_);
  const std::string action = r.action.value_or("");
  // Every check first: a refused request changes nothing.
  if (action == "play" && classroom_ && settings_.round_seconds <= 0)
    throw ApiError(409,
                   "a participatory room without a clock goes round by round: use step (or start the server with "
                   "--round-seconds for a countdown)",
                   "action");
  if ((action == "play" || action == "step") && sim_.finished())
    throw ApiError(409, "the run has ended; reset to start again", "action");
  if (r.speed) speed_ = *r.speed;
  if (action == "play" && classroom_) {
    // Starts (or resumes) the round clock.
    if (!clock_running_) {
      clock_running_ = true;
      deadline_ = Clock::now() + (left_ > Clock::duration::zero() ? left_ : seconds(settings_.round_seconds));
    }
    changed_locked();
  } else if (action == "pause" && classroom_) {
    if (clock_running_) {
      clock_running_ = false;
      left_ = std::max(Clock::duration::zero(), deadline_ - Clock::now());
    }
    changed_locked();
  } else if (action == "play") {
    running_ = true;
    last_tick_ = Clock::now();
  } else if (action == "pause") {
    running_ = false;
  } else if (action == "step") {
    advance_locked();
    last_tick_ = Clock::now();
    if (sim_.finished()) running_ = false;
  } else if (action == "reset") {
    sim_.reset();
    running_ = false;
    clock_running_ = false;
    locked_ = false;
    left_ = seconds(settings_.round_seconds);
    failure_.clear();
    changes_ = ojson::array();
    log_ = {};
    for (auto& p : roster_.players()) {
      p.history.clear();
      p.chose = false;
    }
    data_changed_locked(true);
  } else if (action != "step") {
    changed_locked();  // play, pause, speed: the room's state, not its data
  }
  stepper_.wake();
  return state_locked();
}

ojson Room::set_params(const std::vector<ParamChange>& changes) {
  std::lock_guard lock(mutex_);
  check_param_changes(changes, sim_.world());
  const int year = std::min(sim_.next_year(), entry_.scenario.end);
  for (const auto& c : changes) {
    apply_param_change(c, sim_.world(), sim_.params());
    if (Run* model = sim_.counterfactual()) apply_param_change(c, model->world(), model->params());
    if (c.key == "populism") populism_state_ = c.target;
    if (c.key == "salience") salience_issue_ = c.target;
    changes_.push_back(change_entry(c, year));
    log_.pending.push_back(c);
  }
  data_changed_locked(false);
  return state_locked();
}

}  // namespace urbis::serve
