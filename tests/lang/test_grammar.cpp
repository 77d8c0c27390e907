// The grammar has no rule that can loop without consuming input.
#include <doctest/doctest.h>

#include "interpreter/parser.hpp"

TEST_CASE("the grammar passes PEGTL's analyze") { CHECK(pcs::parser::grammar_is_well_formed()); }
