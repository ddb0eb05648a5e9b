#pragma once
// Secrets and codes of the server: tokens are 128 random bits from the
// system's random device, written in hex (they guard the teacher's controls
// and each student's city; the model's own draws stay on its keyed streams).
// Room codes are short, for typing, and guard nothing.
#include <string>
#include <string_view>

namespace urbis::serve {

std::string random_token();      // 32 hex digits
std::string random_room_code();  // 6 characters of kRoomAlphabet
inline constexpr std::string_view kRoomAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

// A code as typed (any case) -> the canonical code, or "" when it cannot be one.
std::string normalise_room_code(std::string_view code);

// Compares without an early exit, so the time taken does not tell how much of
// a guess was right.
bool same_secret(std::string_view a, std::string_view b);

// The token of an "Authorization: Bearer TOKEN" header ("" when there is none).
std::string bearer_token(std::string_view authorization);

}  // namespace urbis::serve
