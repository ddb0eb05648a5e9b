#include "sim/serve/room.hpp"

#include <algorithm>
#include <cmath>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <fmt/format.h>

#include "agents/city/portfolio.hpp"
#include "sim/report/report_data.hpp"
#include "sim/serve/api_error.hpp"
#include "sim/serve/gzip.hpp"

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

double rounded(double v) { return std::isfinite(v) ? round_sig(v, 6) : 0.0; }

// The report's JSON tree is large and short-lived; hand the memory it used
// back to the system so that a server's footprint follows its data, not the
// peak of its busiest moment (glibc keeps freed memory otherwise).
void release_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
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
      stepper_(mutex_, [this] { return due_locked(); }, [this] { tick_locked(); }) {
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
  ++data_epoch_;
  data_changed_locked();
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
      params["populism"] = {{"state", populism_state_}, {"value", rounded(slider_value(sl.key, w, p, populism_state_))}};
    else if (sl.key == "salience")
      params["salience"] = {{"issue", salience_issue_}, {"value", rounded(slider_value(sl.key, w, p, salience_issue_))}};
    else
      params[sl.key] = rounded(slider_value(sl.key, w, p, {}));
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
  if (since && *since >= data_version_ && *since <= version_) return nullptr;
  if (body_ && body_version_ == data_version_) return gzipped ? body_gz_ : body_;
  lock.unlock();

  // Building the report of the real world takes a while: not under the
  // room's lock (the room steps and answers meanwhile), and once for all the
  // requests that wait for the same data.
  std::lock_guard build(build_mutex_);
  lock.lock();
  if (body_ && body_version_ == data_version_) return gzipped ? body_gz_ : body_;
  const std::uint64_t version = data_version_, epoch = data_epoch_;
  const std::string changes = changes_.dump();
  std::shared_ptr<const LiveTables> tables;
  if (!prefix_ || prefix_epoch_ != epoch) tables = sim_.tables().copy();
  lock.unlock();

  if (tables) {
    std::string text = run_report_data(tables->source(library_->network_targets()), ReportOptions{}).dump();
    text.pop_back();  // the closing brace: "version" and "changes" follow
    prefix_ = std::make_shared<const std::string>(std::move(text));
    prefix_epoch_ = epoch;
    tables.reset();
    release_free_memory();
  }
  auto body = std::make_shared<std::string>();
  body->reserve(prefix_->size() + changes.size() + 40);
  *body += *prefix_;
  *body += fmt::format(",\"version\":{},\"changes\":{}}}", version, changes);
  // The teacher's page and the projector poll this: compressed once here,
  // a few megabytes become a few hundred kilobytes on the school's Wi-Fi.
  auto body_gz = std::make_shared<const std::string>(gzip(*body, 5));

  lock.lock();
  if (data_version_ == version) {
    body_ = body;
    body_gz_ = body_gz;
    body_version_ = version;
  }
  if (gzipped) return body_gz;
  return body;
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
    ++data_epoch_;
    data_changed_locked();
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
  data_changed_locked();
  return state_locked();
}

// ---------------------------------------------------------------- players

ojson Room::cities() {
  std::lock_guard lock(mutex_);
  if (!classroom_) throw ApiError(409, "this room is not participatory: no cities to play");
  const World& w = sim_.world();
  ojson out = ojson::array();
  for (const auto& c : roster_.playable()) {
    const auto i = static_cast<Eigen::Index>(c.city);
    const auto j = static_cast<std::size_t>(w.cities.state[i]);
    out.push_back({{"city", c.name},
                   {"state", w.states.iso3[j]},
                   {"country", w.states.name[j]},
                   {"population", rounded(w.cities.population[i])},
                   {"taken", roster_.taken(c.city)}});
  }
  return out;
}

JoinAnswer Room::join(const std::string& name, const std::optional<std::string>& city) {
  std::lock_guard lock(mutex_);
  if (!classroom_) throw ApiError(409, "this room is not participatory: nobody can join it");
  if (sim_.finished()) throw ApiError(409, "the run has ended: the round is closed");
  World& w = sim_.world();
  const Player& p = roster_.join(name, city, w, settings_.max_players);
  // The student starts from the city's present split, with no moves.
  w.players.play(w.cities.size(), p.city, {.cooperation = w.cities.cooperation[p.city], .join = {}, .leave = {}});
  changed_locked();
  stepper_.wake();
  return {p.id, p.token, w.cities.name[static_cast<std::size_t>(p.city)]};
}

Player& Room::player_locked(const std::string& token) {
  Player* p = token.empty() ? nullptr : roster_.by_token(token);
  if (!p) throw ApiError(401, "not a player of this room (join first, or use the token you were given)");
  return *p;
}

bool Room::knows_token(const std::string& token) {
  std::lock_guard lock(mutex_);
  return roster_.by_token(token) != nullptr;
}

int Room::network_index(const std::string& name) const {
  const Networks& nw = sim_.world().networks;
  int found = -1;
  for (std::size_t k = 0; k < nw.size(); ++k)
    if (nw.name[k] == name && (found < 0 || nw.active[k])) found = static_cast<int>(k);
  return found;
}

ojson Room::me_locked(const Player& p) const {
  const World& w = sim_.world();
  const auto i = static_cast<std::size_t>(p.city);
  const auto ii = static_cast<Eigen::Index>(i);
  const Networks& nw = w.networks;
  const PlayedCity* pc = w.players.find(p.city);
  const MembershipValuer valuer(w, sim_.params().coalitions);
  const int j = w.cities.state[ii];

  ojson memberships = ojson::array();
  for (auto k : w.members.of(i)) memberships.push_back(nw.name[static_cast<std::size_t>(k)]);
  // The networks the city could be in: those open to its state, and its own.
  std::vector<std::int32_t> shown(valuer.open_to_state(j).begin(), valuer.open_to_state(j).end());
  for (auto k : w.members.of(i)) shown.push_back(k);
  std::sort(shown.begin(), shown.end());
  shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
  ojson networks = ojson::array();
  for (auto k : shown) {
    const auto kk = static_cast<std::size_t>(k);
    networks.push_back({{"name", nw.name[kk]},
                        {"issue", issue_name(nw.issue[kk])},
                        {"members", nw.members[kk]},
                        {"fee", rounded(nw.fee[kk])},
                        {"member", w.members.has(i, k)},
                        {"eligible", valuer.eligible(i, k)}});
  }
  auto names = [&](const std::vector<std::int32_t>& ks) {
    ojson a = ojson::array();
    for (auto k : ks) a.push_back(nw.name[static_cast<std::size_t>(k)]);
    return a;
  };
  ojson choice = {{"cooperation", pc ? pc->choice.cooperation : w.cities.cooperation[ii]},
                  {"join", pc ? names(pc->choice.join) : ojson::array()},
                  {"leave", pc ? names(pc->choice.leave) : ojson::array()}};
  ojson notes = ojson::array();
  if (pc)
    for (const auto& r : pc->refused)
      notes.push_back(fmt::format("could not join {}: {}", nw.name[static_cast<std::size_t>(r.network)],
                                  join_refusal_text(r.reason)));
  ojson history = ojson::array();
  for (const auto& h : p.history)
    history.push_back({{"year", h.year},
                       {"cooperation", rounded(h.cooperation)},
                       {"payoff", rounded(h.payoff)},
                       {"rank", h.rank},
                       {"gdp", rounded(h.gdp)}});
  // What the last round gave and why: the payoff's parts, the contest, fees,
  // memberships gained and lost, joins refused; and the rank it moved from.
  ojson last = nullptr;
  if (!p.history.empty()) {
    const RoundRecord& h = p.history.back();
    last = {{"year", h.year},
            {"payoff", rounded(h.payoff)},
            {"growth", rounded(h.growth)},
            {"cost", rounded(h.cost)},
            {"other", rounded(h.other)},
            {"inflow", rounded(h.inflow)},
            {"fees", rounded(h.fees)},
            {"joined", h.joined},
            {"left", h.left},
            {"refused", h.refused},
            {"rank", h.rank},
            {"rank_before", p.history.size() > 1 ? ojson(p.history[p.history.size() - 2].rank) : ojson(nullptr)},
            {"computer_payoff", rounded(h.model_payoff)}};
  }
  const double coop_budget = w.cities.cooperation[ii] * w.cities.intl_budget[ii];
  return {{"player", p.id},
          {"name", p.name},
          {"city", w.cities.name[i]},
          {"state", w.states.iso3[static_cast<std::size_t>(j)]},
          {"year", std::min(sim_.next_year(), entry_.scenario.end)},
          {"round_open", !sim_.finished() && !locked_},
          {"locked", locked_},
          {"finished", sim_.finished()},
          {"clock", clock_locked()},
          {"cooperation", rounded(w.cities.cooperation[ii])},
          {"budget", rounded(w.cities.intl_budget[ii])},
          {"cooperation_budget", rounded(coop_budget)},
          {"fees", rounded(w.cities.fees[ii])},
          {"gdp", rounded(w.cities.gdp[ii])},
          {"payoff", rounded(w.cities.payoff[ii])},
          // No rank before a round is played: there is nothing to rank yet.
          {"rank", p.history.empty() ? ojson(nullptr) : ojson(p.history.back().rank)},
          {"of", w.cities.size()},
          {"last_round", last},
          {"memberships", memberships},
          {"networks", networks},
          {"choice", choice},
          {"chose", p.chose},
          {"notes", notes},
          {"history", history}};
}

ojson Room::me(const std::string& token) {
  std::lock_guard lock(mutex_);
  return me_locked(player_locked(token));
}

ojson Room::choose(const std::string& token, const ChoiceRequest& c) {
  std::lock_guard lock(mutex_);
  Player& p = player_locked(token);
  World& w = sim_.world();
  if (c.city && *c.city != w.cities.name[static_cast<std::size_t>(p.city)])
    throw ApiError(403, "a player chooses for their own city only", "city");
  if (c.player && *c.player != p.id) throw ApiError(403, "a player chooses for themselves only", "player");
  if (sim_.finished()) throw ApiError(409, "the run has ended: the round is closed");
  const int open = sim_.next_year();
  if (c.round && *c.round != open)
    throw ApiError(409, fmt::format("round {} is over: choose for round {}", *c.round, open), "round");
  if (locked_) throw ApiError(409, "time's up: choices for this round are locked", "round");
  auto resolve = [&](const std::optional<std::vector<std::string>>& names, const char* field) {
    std::vector<std::int32_t> ks;
    if (!names) return ks;
    for (const auto& n : *names) {
      const int k = network_index(n);
      if (k < 0) throw ApiError(404, fmt::format("no network in {} is called that", field), field);
      if (std::find(ks.begin(), ks.end(), k) == ks.end()) ks.push_back(k);
    }
    return ks;
  };
  const auto join = resolve(c.join, "join");
  const auto leave = resolve(c.leave, "leave");
  for (auto k : join)
    if (std::find(leave.begin(), leave.end(), k) != leave.end())
      throw ApiError(400, "a network cannot be joined and left at once", "join");
  PlayedCity* pc = w.players.find(p.city);
  if (!pc) throw std::logic_error("a player's city is not played");
  if (c.cooperation) pc->choice.cooperation = *c.cooperation;
  if (c.join) pc->choice.join = join;
  if (c.leave) pc->choice.leave = leave;
  p.chose = true;
  changed_locked();
  return me_locked(p);
}

ojson Room::class_table() {
  std::lock_guard lock(mutex_);
  if (!classroom_) throw ApiError(409, "this room is not participatory");
  const World& w = sim_.world();
  ojson players = ojson::array();
  for (const auto& p : roster_.players()) {
    const auto i = static_cast<std::size_t>(p.city);
    const PlayedCity* pc = w.players.find(p.city);
    players.push_back({{"player", p.id},
                       {"name", p.name},
                       {"city", w.cities.name[i]},
                       {"cooperation", rounded(pc ? pc->choice.cooperation : w.cities.cooperation[static_cast<Eigen::Index>(i)])},
                       {"memberships", w.members.count[i]},
                       {"payoff", rounded(w.cities.payoff[static_cast<Eigen::Index>(i)])},
                       {"rank", p.history.empty() ? ojson(nullptr) : ojson(p.history.back().rank)},
                       {"chose", p.chose}});
  }
  return {{"year", std::min(sim_.next_year(), entry_.scenario.end)}, {"round_open", !sim_.finished()},
          {"players", players}};
}

Debrief Room::debrief() {
  ClassSnapshot snap;
  {
    std::lock_guard lock(mutex_);
    if (!classroom_) throw ApiError(409, "this room is not participatory: no class to keep");
    snap.room = code_;
    snap.entry = &entry_;
    snap.tables = sim_.tables().copy();
    snap.players = roster_.players();
    snap.log = log_;
    snap.changes = changes_;
  }
  Debrief d = make_debrief(snap, library_->network_targets());
  release_free_memory();
  return d;
}

ojson Room::summary() {
  std::lock_guard lock(mutex_);
  if (!classroom_) throw ApiError(409, "this room is not participatory");
  const World& w = sim_.world();
  ojson players = ojson::array();
  for (const auto& p : roster_.players()) {
    const auto n = static_cast<double>(p.history.size());
    double x = 0, pay = 0, mx = 0, mpay = 0;
    for (const auto& h : p.history) x += h.cooperation, pay += h.payoff, mx += h.model_cooperation, mpay += h.model_payoff;
    const RoundRecord last = p.history.empty() ? RoundRecord{} : p.history.back();
    players.push_back({{"player", p.id},
                       {"name", p.name},
                       {"city", w.cities.name[static_cast<std::size_t>(p.city)]},
                       {"rounds", p.history.size()},
                       {"cooperation", rounded(n > 0 ? x / n : 0.0)},
                       {"payoff", rounded(pay)},
                       {"gdp", rounded(last.gdp)},
                       {"rank", last.rank},
                       {"computer",
                        {{"cooperation", rounded(n > 0 ? mx / n : 0.0)},
                         {"payoff", rounded(mpay)},
                         {"gdp", rounded(last.model_gdp)},
                         {"rank", last.model_rank}}},
                       {"gain", {{"payoff", rounded(pay - mpay)}, {"gdp", rounded(last.gdp - last.model_gdp)}}}});
  }
  return {{"year", std::min(sim_.next_year(), entry_.scenario.end)}, {"finished", sim_.finished()},
          {"players", players}};
}

}  // namespace urbis::serve
