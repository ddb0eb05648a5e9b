#pragma once
// Checks, before any work, that an output folder or file named on the
// command line can be written: a path through a regular file, a file where
// a folder is wanted, a folder without write permission or on a read-only
// file system are the user's to fix (InputError, exit code 2), not an
// internal error after minutes of work.
#include <string>

namespace urbis {

// Creates the folder `dir` (with its parents) and checks that it can be
// written; `option` names where it came from in messages ("-o").
void prepare_output_folder(const std::string& dir, const std::string& option);

// The folder of an output file must be writable (it is created when
// missing) and the file must not be a folder.
void check_output_file(const std::string& file, const std::string& option);

}  // namespace urbis
