# What 'cmake --install' puts where, the files made for it at build time (man page,
# shell completions), and the Debian package CPack builds from the same rules.
include(GNUInstallDirs)

# The man page, from scdoc source; SOURCE_DATE_EPOCH keeps its date reproducible.
find_program(SCDOC scdoc)
if(SCDOC)
  set(MAN_PAGE ${CMAKE_CURRENT_BINARY_DIR}/knotplan.1)
  add_custom_command(
    OUTPUT ${MAN_PAGE}
    COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=1763683200
            sh -c "${SCDOC} < ${CMAKE_CURRENT_SOURCE_DIR}/docs/knotplan.1.scd > ${MAN_PAGE}"
    DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/docs/knotplan.1.scd
    COMMENT "Building the man page"
    VERBATIM)
  add_custom_command(
    OUTPUT ${MAN_PAGE}.gz
    COMMAND sh -c "gzip -9n < ${MAN_PAGE} > ${MAN_PAGE}.gz"
    DEPENDS ${MAN_PAGE}
    VERBATIM)
  add_custom_target(man_page ALL DEPENDS ${MAN_PAGE}.gz)
  install(FILES ${MAN_PAGE}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
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

install(TARGETS knotplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
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
        DESTINATION ${CMAKE_INSTALL_DATADIR}/knotplan/schema)
install(FILES README.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})

# cpack -G DEB (run in the build folder) makes knotplan_VERSION_ARCH.deb.
set(CPACK_PACKAGE_NAME knotplan)
set(CPACK_PACKAGE_VENDOR "the knotplan authors")
set(CPACK_PACKAGE_CONTACT "the knotplan authors <knotplan@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Safe, timed self-massage routines for muscle knots")
set(CPACK_PACKAGE_DESCRIPTION
    "knotplan plans a safe, timed, step-by-step self-massage routine for a muscle knot from where it is, how long it has been there and its likely cause. It prints it for people, as JSON for scripts, as a sheet to print, or plays it live in the terminal.")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from the libraries the binary links
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "chromium")
set(CPACK_STRIP_FILES ON)
include(CPack)
