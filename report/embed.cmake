# Turns one file into a C++ source holding its bytes, so build/pcs carries
# the report's page and Chart.js without looking for files at run time.
# cmake -DINPUT=file -DOUTPUT=file.cpp -DSYMBOL=name -P embed.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by report/embed.cmake; do not edit.\n#include <string_view>\nnamespace pcs::report::assets {\nstatic const unsigned char bytes[] = {\n${bytes}0};\nstd::string_view ${SYMBOL}() { return {reinterpret_cast<const char*>(bytes), sizeof bytes - 1}; }\n}\n")
