# Golden LLVM IR (included from tests/unit/compiler/codegen/CMakeLists.txt):
#   golden-llvm/<name>     `flowc emit-llvm tests/golden/llvm/<name>.flow`
#                          must print exactly <name>.ll (valid LLVM IR, checked
#                          with llvm-as), with nothing on stderr and exit 0;
#   filecheck-llvm/<name>  for the cases that hold `// CHECK` lines: the same
#                          output through FileCheck against the case itself.
# FLOWC_UPDATE_GOLDEN=1 in the environment rewrites the .ll files.
set(_llvm_golden_dir ${PROJECT_SOURCE_DIR}/tests/golden/llvm)
set(_llvm_golden_script ${_llvm_golden_dir}/run_golden_llvm.cmake)
find_program(FLOWC_FILECHECK FileCheck PATHS /usr/lib/llvm-14/bin NO_DEFAULT_PATH)
find_program(FLOWC_LLVM_AS llvm-as PATHS /usr/lib/llvm-14/bin NO_DEFAULT_PATH)

file(GLOB _llvm_cases CONFIGURE_DEPENDS ${_llvm_golden_dir}/*.flow)
list(SORT _llvm_cases)
foreach(_case IN LISTS _llvm_cases)
  get_filename_component(_name ${_case} NAME_WE)
  file(RELATIVE_PATH _rel ${PROJECT_SOURCE_DIR} ${_case})
  add_test(NAME golden-llvm/${_name}
    COMMAND ${CMAKE_COMMAND}
      -DFLOWC=$<TARGET_FILE:flowc>
      -DCASE=${_rel}
      -DEXPECTED=tests/golden/llvm/${_name}.ll
      -DOUT_DIR=${CMAKE_BINARY_DIR}/tests/golden-actual/golden-llvm
      -DLLVM_AS=${FLOWC_LLVM_AS}
      -P ${_llvm_golden_script}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(golden-llvm/${_name} PROPERTIES LABELS golden TIMEOUT 120)
  file(READ ${_case} _text)
  if(_text MATCHES "// CHECK")
    add_test(NAME filecheck-llvm/${_name}
      COMMAND ${CMAKE_COMMAND}
        -DMODE=filecheck
        -DFLOWC=$<TARGET_FILE:flowc>
        -DCASE=${_rel}
        -DFILECHECK=${FLOWC_FILECHECK}
        -DOUT_DIR=${CMAKE_BINARY_DIR}/tests/golden-actual/filecheck-llvm
        -P ${_llvm_golden_script}
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(filecheck-llvm/${_name} PROPERTIES LABELS golden TIMEOUT 120)
  endif()
endforeach()

# A guard: the golden LLVM cases do not silently disappear.
add_test(NAME golden-llvm/count
  COMMAND ${CMAKE_COMMAND} -DMODE=count -DCOUNT_DIR=tests/golden/llvm -DCOUNT_MIN=3 -P ${_llvm_golden_script}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(golden-llvm/count PROPERTIES LABELS golden)
