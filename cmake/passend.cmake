# passend_test(NAME name SOURCES ... LIBS ... [LABELS ...])
# One test binary per module, registered with CTest as one test.
function(passend_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  add_test(NAME ${T_NAME} COMMAND ${T_NAME} --gtest_brief=1)
  set_tests_properties(${T_NAME} PROPERTIES
    ENVIRONMENT "PASSEND_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
    LABELS "${T_LABELS}")
endfunction()

# passend_embed(TARGET target NAME symbol FILE path)
# Compiles a text file into the binary as `std::string_view passend::embedded::symbol()`,
# so the binary carries its reference data and migrations and runs from any directory.
function(passend_embed)
  cmake_parse_arguments(E "" "TARGET;NAME;FILE" "" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${E_NAME}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${E_FILE} -DOUT=${out} -DNAME=${E_NAME}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS ${E_FILE} ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    VERBATIM)
  target_sources(${E_TARGET} PRIVATE ${out})
endfunction()
