#pragma once
// A named network as the data (networks.yaml) or a scenario's found_network
// event describe it, before it is founded (agents/network/named.hpp).
#include <string>
#include <vector>

#include "agents/network/columns.hpp"

namespace urbis {

struct NetworkSeed {
  std::string name;
  Issue issue = Issue::climate;
  Scope scope;
  double min_population = 0;  // people
  double fee_multiple = -1;   // yearly cost in world GDP per capita; < 0: the median multiple
  int founded = 0;            // year
  int ended = 0;              // year the network ends (0: open-ended)
  std::vector<int> members;   // named member cities (indices); empty: rule-based
  bool sponsored = false;     // dissolves when its sponsor funding stops
  double funding = 0;         // USD per year from a sponsor
  int funding_until = 0;      // last funded year (0: no end)
  bool invitation = false;    // only the named members may belong (they may leave and rejoin)
  // Rule-based only: a sponsor's selection, made once at the founding (the
  // accepting cities that want it most, at most this many, become the only
  // ones that may ever belong); 0: none.
  double max_members = 0;
  // By invitation only: how many of the listed cities found it (the largest
  // in the founding year; 0: all of them), and how many more it invites a year.
  int founding_members = 0;
  double invitations_per_year = 0;
};

}  // namespace urbis
