# Builds the man page from its scdoc source and tidies what scdoc 1.11 leaves for mandoc
# -Tlint and groff to complain about. Run as a script:
#   cmake -DSCDOC=... -DINPUT=docs/knotplan.1.scd -DOUTPUT=knotplan.1 -DVERSION=0.1.0
#         -DDOCDIR=/usr/share/doc/knotplan -DSCHEMADIR=/usr/share/knotplan/schema -P ManPage.cmake
# SOURCE_DATE_EPOCH in the environment fixes the date, so that the page is reproducible.
#
# What it changes, and why:
# - @DOCDIR@ and @SCHEMADIR@ in the source become the install paths, so that SEE ALSO names
#   where the files really are (/usr/share in the .deb, the prefix for 'cmake --install').
# - .TH gets an upper-case title, "knotplan VERSION" as its footer and "User Commands".
# - scdoc puts .nh and .ad l before .TH, which resets both in groff: they move after it,
#   so that words are not hyphenated and lines are not stretched.
# - The empty paragraphs scdoc writes (.P after a heading, or twice in a row) go, and the
#   one at the end of each indented block moves after it.
# - Hyphens in bold and italic text and in the examples become \-: options and ids are
#   typed as they are printed, and a line never breaks inside one (between-shoulder-blades).
# - Text lines longer than 80 bytes are broken at a space, which changes nothing in
#   filled text; mandoc's style check asks for it.
cmake_minimum_required(VERSION 3.25)

file(READ ${INPUT} source)
string(REPLACE "@DOCDIR@" "${DOCDIR}" source "${source}")
string(REPLACE "@SCHEMADIR@" "${SCHEMADIR}" source "${source}")
file(WRITE ${OUTPUT}.scd "${source}")
execute_process(COMMAND ${SCDOC} INPUT_FILE ${OUTPUT}.scd OUTPUT_VARIABLE roff
                RESULT_VARIABLE failed)
file(REMOVE ${OUTPUT}.scd)
if(failed)
  message(FATAL_ERROR "scdoc failed on ${INPUT}")
endif()

# One list element per line; semicolons and brackets would be list syntax, so they are
# swapped for placeholders while the lines are handled one by one.
string(REPLACE "[" "@LB@" roff "${roff}")
string(REPLACE "]" "@RB@" roff "${roff}")
string(REPLACE ";" "@SC@" roff "${roff}")
string(REGEX REPLACE "\n$" "" roff "${roff}")
string(REPLACE "\n" ";" lines "${roff}")

# Hyphens in a font run (\fB...\fR, \fI...\fR) become \-.
function(minus_in_fonts line out)
  set(result "")
  while(line MATCHES "^([^\\\\]*(\\\\[^f][^\\\\]*)*)\\\\f([BI])([^\\\\]*)\\\\fR(.*)$")
    set(before "${CMAKE_MATCH_1}")
    set(font "${CMAKE_MATCH_3}")
    set(inside "${CMAKE_MATCH_4}")
    set(line "${CMAKE_MATCH_5}")
    string(REPLACE "-" "\\-" inside "${inside}")
    string(APPEND result "${before}\\f${font}${inside}\\fR")
  endwhile()
  set(${out} "${result}${line}" PARENT_SCOPE)
endfunction()

# A text line longer than 80 bytes, broken at spaces: never after a backslash (an escaped
# space) and never so that the next line starts with a control character.
function(wrap line out)
  set(result "")
  string(LENGTH "${line}" length)
  while(length GREATER 80)
    string(SUBSTRING "${line}" 0 81 head)
    set(cut -1)
    while(TRUE)
      string(FIND "${head}" " " space REVERSE)
      if(space LESS 1)
        break()
      endif()
      math(EXPR after "${space} + 1")
      math(EXPR before "${space} - 1")
      string(SUBSTRING "${line}" ${after} 1 next)
      string(SUBSTRING "${line}" ${before} 1 previous)
      if(NOT next MATCHES "^[.' ]$" AND NOT previous STREQUAL "\\")
        set(cut ${space})
        break()
      endif()
      string(SUBSTRING "${head}" 0 ${space} head)
    endwhile()
    if(cut LESS 1)
      break()
    endif()
    string(SUBSTRING "${line}" 0 ${cut} first)
    math(EXPR cut "${cut} + 1")
    string(SUBSTRING "${line}" ${cut} -1 line)
    list(APPEND result "${first}")
    string(LENGTH "${line}" length)
  endwhile()
  list(APPEND result "${line}")
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

set(body "")
set(previous ".TH")  # the last line kept: a paragraph after a heading or one is empty
set(no_fill OFF)
foreach(line IN LISTS lines)
  if(line STREQUAL ".nh" OR line STREQUAL ".ad l")
    continue()
  elseif(line MATCHES "^\\.TH \"([^\"]*)\" \"([^\"]*)\" \"([^\"]*)\"")
    string(TOUPPER "${CMAKE_MATCH_1}" title)
    string(TOLOWER "${CMAKE_MATCH_1}" name)
    list(APPEND body ".TH \"${title}\" \"${CMAKE_MATCH_2}\" \"${CMAKE_MATCH_3}\" \"${name} ${VERSION}\" \"User Commands\"" ".nh" ".ad l")
    set(previous ".TH")
    continue()
  elseif(line STREQUAL ".P" OR line STREQUAL ".PP")
    if(previous MATCHES "^\\.(TH|SH|SS|P|PP)$")
      continue()
    endif()
    set(previous ".P")
  elseif(line MATCHES "^\\.(SH|SS)")
    # A paragraph right before a heading is empty too.
    if(previous STREQUAL ".P")
      list(POP_BACK body)
    endif()
    set(previous ".${CMAKE_MATCH_1}")
  elseif(line STREQUAL ".RE" AND previous STREQUAL ".P")
    # The space between two indented blocks: after the first one ends, not inside it.
    list(POP_BACK body)
    list(APPEND body ".RE")
    set(line ".P")
  elseif(line STREQUAL ".nf")
    set(no_fill ON)
    set(previous ".nf")
  elseif(line STREQUAL ".fi")
    set(no_fill OFF)
    set(previous ".fi")
  elseif(line MATCHES "^[.']")
    set(previous "${line}")
  elseif(no_fill)
    string(REPLACE "-" "\\-" line "${line}")
    set(previous "text")
  else()
    minus_in_fonts("${line}" line)
    wrap("${line}" line)
    set(previous "text")
  endif()
  list(APPEND body "${line}")
endforeach()

string(REPLACE ";" "\n" roff "${body}")
string(REPLACE "@SC@" ";" roff "${roff}")
string(REPLACE "@LB@" "[" roff "${roff}")
string(REPLACE "@RB@" "]" roff "${roff}")
file(WRITE ${OUTPUT} "${roff}\n")
