# passend_test(NAME name SOURCES ... LIBS ... [LABELS ...] [POSTGRES | BOTH_BACKENDS])
# One test binary per module, registered with CTest as one test. POSTGRES: the test needs
# the throw-away PostgreSQL server (CTest fixture `postgres`, see the top CMakeLists.txt);
# it finds the server's URI through PASSEND_TEST_PG_URI_FILE. BOTH_BACKENDS: the binary
# opens its databases with store/test_backend_for_test.h and runs twice, as NAME on SQLite
# and as NAME_postgres with PASSEND_TEST_BACKEND=postgres on the test server.
function(passend_test)
  cmake_parse_arguments(T "POSTGRES;BOTH_BACKENDS" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  add_test(NAME ${T_NAME} COMMAND ${T_NAME} --gtest_brief=1)
  set_tests_properties(${T_NAME} PROPERTIES
    ENVIRONMENT "PASSEND_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
    LABELS "${T_LABELS}")
  if(T_POSTGRES)
    passend_needs_postgres(${T_NAME})
  endif()
  if(T_BOTH_BACKENDS)
    target_link_libraries(${T_NAME} PRIVATE passend_store_test_backend)
    add_test(NAME ${T_NAME}_postgres COMMAND ${T_NAME} --gtest_brief=1)
    set_tests_properties(${T_NAME}_postgres PROPERTIES
      ENVIRONMENT "PASSEND_SOURCE_DIR=${PROJECT_SOURCE_DIR};PASSEND_TEST_BACKEND=postgres"
      LABELS "${T_LABELS};postgres")
    passend_needs_postgres(${T_NAME}_postgres)
  endif()
endfunction()

# Makes the CTest test `name` run while the throw-away PostgreSQL server is up.
function(passend_needs_postgres name)
  set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT
               "PASSEND_TEST_PG_URI_FILE=${PASSEND_PG_TEST_STATE}/uri")
  set_property(TEST ${name} APPEND PROPERTY FIXTURES_REQUIRED postgres)
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
