#pragma once
// One year of the model: the nine phases of MODEL.md section 3, in order.
#include "sim/core/random.hpp"
#include "sim/engine/timeline.hpp"

namespace urbis {

// Steps the world through its current year (world.global.year); the caller
// observes it and then advances the year. The world's log holds this step's
// events afterwards.
void step_world(World& world, Params& params, Timeline& timeline, const Streams& rng);

}  // namespace urbis
