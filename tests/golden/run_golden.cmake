# Runs one golden case; invoked by ctest as `cmake -D... -P run_golden.cmake`
# from the repository root (see tests/CMakeLists.txt).
#
# Compare mode (the default):
#   FLOWC     the flowc executable
#   ARGS      its arguments before the case, separated by '|' (check|--no-color)
#   CASE      the .flow file, relative to the repository root
#   EXPECTED  the expected-output file, relative to the repository root
#   OUT_DIR   where the actual output is written for diffing
# Runs `FLOWC ARGS... CASE`; the actual output is stdout and stderr merged in
# the order written, then a last line `exit: N`. It must equal EXPECTED byte
# for byte. With FLOWC_UPDATE_GOLDEN=1 in the environment EXPECTED is
# (re)written with the actual output instead and the case passes.
#
# Count mode (-DMODE=count): fails unless COUNT_DIR holds at least COUNT_MIN
# .flow files (recursively).
cmake_minimum_required(VERSION 3.20)

if(MODE STREQUAL "count")
  file(GLOB_RECURSE cases ${COUNT_DIR}/*.flow)
  list(LENGTH cases n)
  if(n LESS COUNT_MIN)
    message(FATAL_ERROR "${COUNT_DIR} has ${n} .flow cases; at least ${COUNT_MIN} are required")
  endif()
  message(STATUS "${COUNT_DIR}: ${n} .flow cases (at least ${COUNT_MIN} required)")
  return()
endif()

foreach(var FLOWC CASE EXPECTED OUT_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_golden.cmake: -D${var}=... is required")
  endif()
endforeach()
string(REPLACE "|" ";" args "${ARGS}")

execute_process(
  COMMAND ${FLOWC} ${args} ${CASE}
  OUTPUT_VARIABLE out
  ERROR_VARIABLE out        # the same variable: merged in the order produced
  RESULT_VARIABLE rc        # an exit code, or a text such as "Segmentation fault"
  TIMEOUT 60)
if(NOT out STREQUAL "" AND NOT out MATCHES "\n$")
  string(APPEND out "\n")
endif()
set(actual "${out}exit: ${rc}\n")

string(REPLACE "/" "_" flat "${CASE}")
set(actual_file ${OUT_DIR}/${flat}.actual)
file(WRITE ${actual_file} "${actual}")

string(REPLACE "|" " " shown_args "${ARGS}")
set(command_line "flowc ${shown_args} ${CASE}")

if("$ENV{FLOWC_UPDATE_GOLDEN}" STREQUAL "1")
  if(NOT rc MATCHES "^[0-9]+$")   # a crash or a time-out is never a golden output
    message("${command_line}\n--- actual output ---\n${actual}---")
    message(FATAL_ERROR "flowc did not exit normally (${rc}); ${EXPECTED} left as it was")
  endif()
  set(old "")
  if(EXISTS ${EXPECTED})
    file(READ ${EXPECTED} old)
  endif()
  if(old STREQUAL actual)
    message(STATUS "${EXPECTED}: unchanged")
  else()
    file(WRITE ${EXPECTED} "${actual}")
    message(STATUS "${EXPECTED}: updated")
  endif()
  return()
endif()

if(NOT EXISTS ${EXPECTED})
  message("${command_line}\n--- actual output ---\n${actual}---")
  message(FATAL_ERROR "${EXPECTED} does not exist; create it with FLOWC_UPDATE_GOLDEN=1 "
                      "(see tests/README.md) after checking the output above")
endif()

file(READ ${EXPECTED} expected)
if(expected STREQUAL actual)
  return()
endif()

find_program(DIFF_TOOL diff)
if(DIFF_TOOL)
  execute_process(
    COMMAND ${DIFF_TOOL} -u --label ${EXPECTED} --label "actual: ${command_line}"
            ${EXPECTED} ${actual_file}
    OUTPUT_VARIABLE diff_text)
  message("${diff_text}")
else()
  message("${command_line}\n--- expected (${EXPECTED}) ---\n${expected}--- actual ---\n${actual}---")
endif()
message(FATAL_ERROR "output of `${command_line}` differs from ${EXPECTED} "
                    "(actual output: ${actual_file}; FLOWC_UPDATE_GOLDEN=1 accepts it)")
