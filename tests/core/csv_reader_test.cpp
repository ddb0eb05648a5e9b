// The one CSV reader (sim/core/csv_reader): the same input reads the same
// way for every caller, and each malformed input is refused at its place.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include "sim/core/csv_reader.hpp"

namespace urbis {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// The error parsing `text` throws (fails the test when none is thrown).
InputError error_of(const std::string& text) {
  try {
    parse_csv(text, "t.csv");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError for: " << text;
  return InputError({}, "none");
}

TEST(CsvReader, BlankLinesAreSkippedAndRowsKeepTheirLines) {
  const CsvTable t = parse_csv("a,b\n\n1,2\n\n\n3,4\n", "t.csv");
  EXPECT_EQ(t.header, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t.rows, (Rows{{"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(t.lines, (std::vector<int>{3, 6}));
}

TEST(CsvReader, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const CsvTable t =
      parse_csv("name,note\n\"Washington, D.C.\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,\"\"\n", "t.csv");
  EXPECT_EQ(t.rows, (Rows{{"Washington, D.C.", "say \"hi\""}, {"two\nlines", "x"}, {"last", ""}}));
  EXPECT_EQ(t.lines, (std::vector<int>{2, 3, 5}));  // the record of two lines starts on line 3
}

// The reader reuses a record's vector and strings for the records after it:
// none may keep a field, or a field's length, of a record before it.
TEST(CsvReader, RecordsOfEveryWidthKeepNothingOfTheRecordsBefore) {
  const std::string long_field(100, 'L');
  const std::string text = "a,b,c\n" + long_field + ",2,3\n1\n,," + long_field + ",x\nshort,\n\"\"\n";
  EXPECT_EQ(csv_records(text),
            (Rows{{"a", "b", "c"}, {long_field, "2", "3"}, {"1"}, {"", "", long_field, "x"}, {"short", ""}, {""}}));
  CsvReader r = CsvReader::from_text(text, "t.csv");
  std::vector<std::size_t> widths;
  while (r.next()) widths.push_back(r.fields().size());
  EXPECT_EQ(widths, (std::vector<std::size_t>{3, 3, 1, 4, 2, 1}));
}

// A field far longer than one read of the input (64 KiB) grows libcsv's
// buffer across many reads (the reader doubles it, csv_reader.cpp) and comes
// back whole, quotes and all, with the fields after it.
TEST(CsvReader, AFieldOfManyReadsComesBackWhole) {
  std::string field;
  for (int i = 0; field.size() < (std::size_t{3} << 20); ++i) field += "part " + std::to_string(i) + ", \"q\"\n";
  std::string quoted;
  for (const char ch : field) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  EXPECT_EQ(csv_records("a,b\n\"" + quoted + "\",after\nx,y\n"), (Rows{{"a", "b"}, {field, "after"}, {"x", "y"}}));
}

TEST(CsvReader, LfCrlfAndBareCrReadTheSame) {
  const Rows want{{"a", "b"}, {"1", "2"}, {"3", ""}};
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    SCOPED_TRACE(eol == "\n" ? "LF" : eol == "\r" ? "CR" : "CRLF");
    const std::string text = "a,b" + eol + "1,2" + eol + eol + "3," + eol;
    EXPECT_EQ(csv_records(text), want);
    EXPECT_EQ(parse_csv(text, "t.csv").lines, (std::vector<int>{2, 4}));
  }
  EXPECT_EQ(csv_records("a,b\r\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));  // no line end at the end
}

TEST(CsvReader, ByteOrderMarkIsSkippedAndSpacesKeptUnlessTrimmed) {
  EXPECT_EQ(csv_records("\xEF\xBB\xBF"
                        "a, b \n"),
            (Rows{{"a", " b "}}));
  EXPECT_EQ(parse_csv("a, b \n1,\t2\n", "t.csv", CsvOptions{true}).header, (std::vector<std::string>{"a", "b"}));
}

TEST(CsvReader, UnclosedQuoteIsPlacedAtItsRecord) {
  const InputError e = error_of("a,b\n1,2\n3,\"open\n4,5\n");
  EXPECT_EQ(e.where().file, "t.csv");
  EXPECT_EQ(e.where().line, 3);
  EXPECT_NE(e.message().find("quoted field is not closed"), std::string::npos) << e.what();
}

TEST(CsvReader, StrayQuoteIsPlacedAtItsLineAndColumn) {
  InputError e = error_of("a,b\n1,2\n3,ab\"c\n");
  EXPECT_EQ(e.where().line, 3);
  EXPECT_EQ(e.where().column, 5);
  EXPECT_NE(e.message().find("quote"), std::string::npos) << e.what();
  e = error_of("a,b\r\n\"x\"y,2\r\n");  // text after a closing quote
  EXPECT_EQ(e.where().line, 2);
  EXPECT_EQ(e.where().column, 4);
}

TEST(CsvReader, NulByteIsPlaced) {
  const InputError e = error_of(std::string("a,b\r\nAru\0ba,1\r\n", 15));
  EXPECT_EQ(e.where().line, 2);
  EXPECT_EQ(e.where().column, 4);
  EXPECT_NE(e.message().find("NUL"), std::string::npos) << e.what();
}

TEST(CsvReader, RowLongerOrShorterThanTheHeaderIsPlaced) {
  InputError e = error_of("a,b\n1,2\n\n3\n");
  EXPECT_EQ(e.where().line, 4);
  EXPECT_EQ(e.message(), "1 fields where the header has 2");
  e = error_of("a,b\r1,2,3\r");
  EXPECT_EQ(e.where().line, 2);
  EXPECT_EQ(e.message(), "3 fields where the header has 2");
  e = error_of("");
  EXPECT_NE(e.message().find("empty"), std::string::npos) << e.what();
  e = error_of("\n\n");
  EXPECT_NE(e.message().find("empty"), std::string::npos) << e.what();
}

TEST(CsvReader, MissingColumnNamesTheNearest) {
  const CsvTable t = parse_csv("year,population,gdp\n2000,1,2\n", "t.csv");
  EXPECT_EQ(t.column("gdp"), 2u);
  try {
    t.column("populaton");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 1);
    EXPECT_EQ(e.message(), "no column 'populaton' (did you mean 'population'?)");
  }
}

TEST(CsvReader, StreamsAFileAndRefusesAMissingOne) {
  const auto path =
      std::filesystem::temp_directory_path() / ("urbis_csv_reader_test_" + std::to_string(::getpid()) + ".csv");
  {
    std::ofstream f(path, std::ios::binary);
    f << "a,b\r\n";
    for (int i = 0; i < 100000; ++i) f << i << ",\"" << i * 2 << "\"\r\n";  // past one read buffer
  }
  CsvReader r(path.string());
  int n = 0;
  long long sum = 0;
  while (r.next()) {
    if (n > 0) sum += std::stoll(r.fields()[1]);
    EXPECT_EQ(r.line(), n + 1);
    ++n;
  }
  EXPECT_EQ(n, 100001);
  EXPECT_EQ(sum, 99999LL * 100000LL);
  std::filesystem::remove(path);
  try {
    CsvReader missing(path.string());
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, path.string());
    EXPECT_NE(e.message().find("cannot open"), std::string::npos) << e.what();
  }
}

TEST(CsvReader, FieldNumberIsStrictAndTableNumberLenient) {
  EXPECT_TRUE(std::isnan(field_number("")));
  EXPECT_EQ(field_number("-2.5e3"), -2500.0);
  EXPECT_THROW(field_number("12abc"), std::runtime_error);
  const CsvTable t = parse_csv("x\n1.5\n\nabc\n", "t.csv");
  EXPECT_EQ(t.number(0, 0), 1.5);
  EXPECT_TRUE(std::isnan(t.number(1, 0)));
}

}  // namespace
}  // namespace urbis
