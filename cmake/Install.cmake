# What 'cmake --install' puts where, the files made for it at build time (man page,
# shell completions), and the Debian package CPack builds from the same rules.
include(GNUInstallDirs)
# Directories 0755 whatever the umask (files are 0644 and programs 0755 already), as
# Debian Policy 10.9 asks of a package.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
    GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# The man page, from scdoc source, tidied by cmake/ManPage.cmake; SOURCE_DATE_EPOCH (the
# date of the latest entry in packaging/changelog.in) keeps its date reproducible. One for
# 'cmake --install' and one for the Debian package, since SEE ALSO names where the README
# and the schemas are, and the two prefixes differ (/usr/local and /usr by default).
set(KNOTPLAN_PACKAGE_PREFIX /usr)
find_program(SCDOC scdoc)
function(knotplan_man_page folder prefix)
  set(page ${folder}/knotplan.1)
  add_custom_command(
    OUTPUT ${page} ${page}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${folder}
    COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=1795219200
            ${CMAKE_COMMAND} -DSCDOC=${SCDOC} -DINPUT=${PROJECT_SOURCE_DIR}/docs/knotplan.1.scd
            -DOUTPUT=${page} -DVERSION=${PROJECT_VERSION}
            -DDOCDIR=${prefix}/${CMAKE_INSTALL_DOCDIR}
            -DSCHEMADIR=${prefix}/${CMAKE_INSTALL_DATADIR}/knotplan/schema
            -P ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
    COMMAND sh -c "gzip -9n < ${page} > ${page}.gz"
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/knotplan.1.scd ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
    COMMENT "Building the man page for ${prefix}"
    VERBATIM)
endfunction()
if(SCDOC)
  knotplan_man_page(${CMAKE_CURRENT_BINARY_DIR} ${CMAKE_INSTALL_PREFIX})
  knotplan_man_page(${CMAKE_CURRENT_BINARY_DIR}/deb ${KNOTPLAN_PACKAGE_PREFIX})
  add_custom_target(man_page ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/knotplan.1.gz
                                         ${CMAKE_CURRENT_BINARY_DIR}/deb/knotplan.1.gz)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/knotplan.1.gz
          DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT local)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/deb/knotplan.1.gz
          DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT deb EXCLUDE_FROM_ALL)
else()
  message(WARNING "scdoc not found: no man page (apt-get install scdoc)")
endif()

# Completion scripts, made by the built binary so that they match its options and ids.
set(COMPLETIONS_DIR ${CMAKE_CURRENT_BINARY_DIR}/completions)
foreach(shell bash zsh fish)
  add_custom_command(
    OUTPUT ${COMPLETIONS_DIR}/knotplan.${shell}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${COMPLETIONS_DIR}
    COMMAND knotplan completions ${shell} -o ${COMPLETIONS_DIR}/knotplan.${shell}
    DEPENDS knotplan
    COMMENT "Generating the ${shell} completion script"
    VERBATIM)
  list(APPEND COMPLETION_FILES ${COMPLETIONS_DIR}/knotplan.${shell})
endforeach()
add_custom_target(completions ALL DEPENDS ${COMPLETION_FILES})

# Three components: what both kinds of install share (no COMPONENT: "Unspecified"); "local",
# only for 'cmake --install'; and "deb", only for the Debian package. The package is always
# dynamically linked, even from a static build (KNOTPLAN_STATIC, for start-up speed):
# Debian wants programs linked against its shared libraries, so that a fixed libstdc++ or
# libc reaches them, and dpkg-shlibdeps can only then work out a real Depends. A static
# build links the same objects a second time, dynamically, for the package.
install(TARGETS knotplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT local)
if(KNOTPLAN_STATIC)
  add_executable(knotplan_deb src/main.cpp)
  target_link_libraries(knotplan_deb PRIVATE knotplan_cli)
  set_target_properties(knotplan_deb PROPERTIES OUTPUT_NAME knotplan
                        RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/deb)
  set(KNOTPLAN_DEB_BINARY knotplan_deb)
else()
  set(KNOTPLAN_DEB_BINARY knotplan)
endif()
# Debian's own build flags bind every symbol at start (hardening-no-bindnow).
target_link_options(${KNOTPLAN_DEB_BINARY} PRIVATE -Wl,-z,relro,-z,now)
install(TARGETS ${KNOTPLAN_DEB_BINARY} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT deb EXCLUDE_FROM_ALL)
# Stripped as dh_strip does: debugging symbols and the compilers' notes go.
install(CODE "execute_process(COMMAND ${CMAKE_STRIP} --remove-section=.comment
                --remove-section=.note --strip-unneeded
                \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/knotplan\"
                COMMAND_ERROR_IS_FATAL ANY)"
        COMPONENT deb EXCLUDE_FROM_ALL)

# Each completion script goes where its shell finds it, with no configuration, for the
# prefix installed to; that prefix is known only at install time (cmake --install --prefix).
#   bash: share/bash-completion/completions, which bash-completion reads under /usr,
#         /usr/local and ~/.local (its user folder, ${XDG_DATA_HOME:-~/.local/share}).
#   fish: share/fish/vendor_completions.d, read under /usr and ~/.local, and under
#         /usr/local only when XDG_DATA_DIRS names it: for /usr/local also in
#         /etc/fish/completions, which fish always reads.
#   zsh:  share/zsh/vendor-completions for /usr (Debian's fpath), share/zsh/site-functions
#         for any other prefix (in fpath under /usr/local; elsewhere, add it to fpath).
install(FILES ${COMPLETIONS_DIR}/knotplan.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME knotplan)
install(FILES ${COMPLETIONS_DIR}/knotplan.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(CODE "set(knotplan_completions \"${COMPLETIONS_DIR}\")
              set(knotplan_datadir \"${CMAKE_INSTALL_DATADIR}\")")
install(CODE [[
  string(REGEX REPLACE "(.)/+$" "\\1" knotplan_prefix "${CMAKE_INSTALL_PREFIX}")
  if(NOT IS_ABSOLUTE "${knotplan_datadir}")
    set(knotplan_datadir "${CMAKE_INSTALL_PREFIX}/${knotplan_datadir}")
  endif()
  set(knotplan_zsh_dir site-functions)
  if(knotplan_prefix STREQUAL "/usr")
    set(knotplan_zsh_dir vendor-completions)
  endif()
  file(INSTALL "${knotplan_completions}/knotplan.zsh"
       DESTINATION "${knotplan_datadir}/zsh/${knotplan_zsh_dir}" RENAME _knotplan
       FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  if(knotplan_prefix STREQUAL "/usr/local")
    file(INSTALL "${knotplan_completions}/knotplan.fish" DESTINATION /etc/fish/completions
         FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  endif()
]])
install(FILES data/schema/knowledge.schema.json data/schema/routine.schema.json
        data/schema/listing.schema.json data/schema/technique.schema.json
        data/schema/kb-check.schema.json data/schema/config.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/knotplan/schema)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Debian has the licence in the copyright file, so the package leaves out LICENSE
# (extra-license-file) and has a changelog in Debian's format, gzip -9n as Policy 12.7 asks.
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT local)
set(KNOTPLAN_MAINTAINER "knotplan maintainers <knotplan@example.org>" CACHE STRING
    "Maintainer of the Debian package, as 'Name <address>'; the default is a placeholder")
configure_file(packaging/changelog.in ${CMAKE_CURRENT_BINARY_DIR}/deb/changelog @ONLY)
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/deb/changelog.gz
  COMMAND sh -c "gzip -9n < deb/changelog > deb/changelog.gz"
  DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/deb/changelog
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
  VERBATIM)
add_custom_target(changelog ALL DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/deb/changelog.gz)
install(FILES packaging/copyright ${CMAKE_CURRENT_BINARY_DIR}/deb/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT deb EXCLUDE_FROM_ALL)
file(STRINGS packaging/changelog.in changelog_top LIMIT_COUNT 1)
if(NOT changelog_top MATCHES "^knotplan \\(${PROJECT_VERSION}\\) ")
  message(WARNING "packaging/changelog.in has no entry for ${PROJECT_VERSION} at the top")
endif()

# cpack -G DEB (run in the build folder) makes knotplan_VERSION_ARCH.deb from the shared
# files and the "deb" component, installed under /usr. lintian checks it (tests/).
set(CPACK_INSTALL_CMAKE_PROJECTS
    "${CMAKE_CURRENT_BINARY_DIR};knotplan;Unspecified;/"
    "${CMAKE_CURRENT_BINARY_DIR};knotplan;deb;/")
set(CPACK_PACKAGING_INSTALL_PREFIX ${KNOTPLAN_PACKAGE_PREFIX})
set(CPACK_PACKAGE_NAME knotplan)
set(CPACK_PACKAGE_VENDOR "the knotplan authors")
set(CPACK_PACKAGE_CONTACT "${KNOTPLAN_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Safe, timed self-massage routines for muscle knots")
# Lines of at most 80 columns (lintian: extended-description-line-too-long).
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "knotplan plans a safe, timed, step-by-step self-massage routine for a muscle"
  "knot from where it is, how long it has been there and its likely cause."
  "Each step says what to do, for how long, on which side and how hard to press;"
  "warning signs withhold the routine and say whom to see and how urgently."
  ""
  "It prints the routine for people, as JSON for scripts, or as a Markdown or"
  "HTML sheet to print, and can play it live in the terminal with cues and a"
  "countdown. Its knowledge base of techniques, rules and sources is built in,"
  "and can be replaced by your own.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from the libraries the binary links
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "chromium")
# Policy 10.9: control files 0644 too (directories and files: above).
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS ${CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS})
set(CPACK_STRIP_FILES ON)
include(CPack)
