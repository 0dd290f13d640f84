# Writes IN as a C++ function NAME() returning its bytes; hex keeps any content safe.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" len)
math(EXPR bytes "${len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
file(WRITE ${OUT} "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace passend::embedded {\nstatic const char k${NAME}[] = {${body} 0};\nstd::string_view ${NAME}() { return {k${NAME}, ${bytes}}; }\n}  // namespace passend::embedded\n")
