# Runs one golden LLVM IR case; invoked by ctest as `cmake -D... -P
# run_golden_llvm.cmake` from the repository root (see golden_llvm.cmake).
# A copy of tests/golden/run_golden.cmake for `flowc emit-llvm`, whose
# expected files must stay valid LLVM IR: stdout alone is compared (no
# `exit: N` line), stderr must be empty and the exit status 0.
#
# Compare mode (the default):
#   FLOWC     the flowc executable
#   CASE      the .flow file, relative to the repository root
#   EXPECTED  the expected .ll file, relative to the repository root
#   OUT_DIR   where the actual output is written for diffing
#   LLVM_AS   (optional) llvm-as, to check that EXPECTED is valid IR
# With FLOWC_UPDATE_GOLDEN=1 in the environment EXPECTED is (re)written.
#
# FileCheck mode (-DMODE=filecheck): `flowc emit-llvm CASE | FILECHECK CASE`
# (the output is kept in OUT_DIR).
# Count mode (-DMODE=count): fails unless COUNT_DIR holds at least COUNT_MIN
# .flow files.
cmake_minimum_required(VERSION 3.20)

if(MODE STREQUAL "count")
  file(GLOB cases ${COUNT_DIR}/*.flow)
  list(LENGTH cases n)
  if(n LESS COUNT_MIN)
    message(FATAL_ERROR "${COUNT_DIR} has ${n} .flow cases; at least ${COUNT_MIN} are required")
  endif()
  return()
endif()

execute_process(
  COMMAND ${FLOWC} emit-llvm ${CASE}
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE rc
  TIMEOUT 60)
set(command_line "flowc emit-llvm ${CASE}")
if(NOT rc STREQUAL "0" OR NOT err STREQUAL "")
  message("${command_line}\n--- stderr ---\n${err}--- stdout ---\n${out}---")
  message(FATAL_ERROR "`${command_line}` failed (exit ${rc})")
endif()

if(MODE STREQUAL "filecheck")
  if(NOT FILECHECK)
    message(FATAL_ERROR "FileCheck was not found (/usr/lib/llvm-14/bin/FileCheck)")
  endif()
  if(NOT DEFINED OUT_DIR)
    message(FATAL_ERROR "run_golden_llvm.cmake: -DOUT_DIR=... is required")
  endif()
  string(REPLACE "/" "_" flat "${CASE}")
  set(actual_file ${OUT_DIR}/${flat}.ll)
  file(WRITE ${actual_file} "${out}")
  execute_process(
    COMMAND ${FILECHECK} --input-file=${actual_file} ${CASE}
    OUTPUT_VARIABLE fc_out
    ERROR_VARIABLE fc_out
    RESULT_VARIABLE fc_rc)
  if(NOT fc_rc STREQUAL "0")
    message("${fc_out}")
    message(FATAL_ERROR "FileCheck ${CASE} failed on the output of `${command_line}` (${actual_file})")
  endif()
  return()
endif()

foreach(var FLOWC CASE EXPECTED OUT_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_golden_llvm.cmake: -D${var}=... is required")
  endif()
endforeach()

string(REPLACE "/" "_" flat "${CASE}")
set(actual_file ${OUT_DIR}/${flat}.ll)
file(WRITE ${actual_file} "${out}")

if("$ENV{FLOWC_UPDATE_GOLDEN}" STREQUAL "1")
  set(old "")
  if(EXISTS ${EXPECTED})
    file(READ ${EXPECTED} old)
  endif()
  if(old STREQUAL out)
    message(STATUS "${EXPECTED}: unchanged")
  else()
    file(WRITE ${EXPECTED} "${out}")
    message(STATUS "${EXPECTED}: updated")
  endif()
  return()
endif()

if(NOT EXISTS ${EXPECTED})
  message("${command_line}\n--- actual output ---\n${out}---")
  message(FATAL_ERROR "${EXPECTED} does not exist; create it with FLOWC_UPDATE_GOLDEN=1 "
                      "(see tests/README.md) after checking the output above")
endif()

if(LLVM_AS)
  execute_process(COMMAND ${LLVM_AS} -o /dev/null ${EXPECTED} ERROR_VARIABLE as_err RESULT_VARIABLE as_rc)
  if(NOT as_rc STREQUAL "0")
    message(FATAL_ERROR "${EXPECTED} is not valid LLVM IR:\n${as_err}")
  endif()
endif()

file(READ ${EXPECTED} expected)
if(expected STREQUAL out)
  return()
endif()

find_program(DIFF_TOOL diff)
if(DIFF_TOOL)
  execute_process(
    COMMAND ${DIFF_TOOL} -u --label ${EXPECTED} --label "actual: ${command_line}" ${EXPECTED} ${actual_file}
    OUTPUT_VARIABLE diff_text)
  message("${diff_text}")
endif()
message(FATAL_ERROR "output of `${command_line}` differs from ${EXPECTED} "
                    "(actual output: ${actual_file}; FLOWC_UPDATE_GOLDEN=1 accepts it)")
