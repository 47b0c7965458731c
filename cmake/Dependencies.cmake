# Finds every dependency (all Debian packages, installed by
# scripts/install-deps.sh) and wraps them as imported targets.

find_program(ANTLR4_TOOL antlr4 REQUIRED)
find_path(ANTLR4_INCLUDE_DIR antlr4-runtime.h PATH_SUFFIXES antlr4-runtime REQUIRED)
find_library(ANTLR4_RUNTIME_LIB antlr4-runtime REQUIRED)
add_library(antlr4_runtime INTERFACE)
target_include_directories(antlr4_runtime SYSTEM INTERFACE ${ANTLR4_INCLUDE_DIR})
target_link_libraries(antlr4_runtime INTERFACE ${ANTLR4_RUNTIME_LIB})

find_package(nlohmann_json 3 REQUIRED)
find_package(Boost 1.74 REQUIRED)  # Asio and Beast, header-only
add_library(boost_net INTERFACE)
target_include_directories(boost_net SYSTEM INTERFACE ${Boost_INCLUDE_DIRS})
target_compile_definitions(boost_net INTERFACE BOOST_ASIO_NO_DEPRECATED BOOST_BEAST_USE_STD_STRING_VIEW)
find_package(Threads REQUIRED)

find_package(LLVM 14 REQUIRED CONFIG PATHS /usr/lib/llvm-14/lib/cmake/llvm NO_DEFAULT_PATH)
add_library(llvm_jit INTERFACE)
target_include_directories(llvm_jit SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
separate_arguments(LLVM_DEFINITIONS_LIST NATIVE_COMMAND ${LLVM_DEFINITIONS})
target_compile_definitions(llvm_jit INTERFACE ${LLVM_DEFINITIONS_LIST})
target_link_libraries(llvm_jit INTERFACE LLVM)  # the shared libLLVM-14.so

if(FLOWC_TESTS)
  find_package(GTest REQUIRED)
endif()
if(FLOWC_BENCH)
  find_package(benchmark REQUIRED)
endif()
