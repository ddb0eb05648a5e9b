#pragma once
// agreements.yaml: the international agreements (the climate regime, unions
// such as the EU) and who is party to them when. Internal to sim/world.
#include <string>
#include <vector>

#include "sim/world/state_codes.hpp"
#include "sim/world/world_data.hpp"

namespace urbis {

// Adds the agreements to world.agreements and sets states.in_agreement at
// the start year; later accessions become `changes` (sorted by year).
// Parties that are no state of this world are one line in `problems`.
void read_agreements(const std::string& file, const StateCodes& codes, int start_year, World& world,
                     std::vector<AgreementChange>& changes, std::vector<std::string>& problems);

}  // namespace urbis
