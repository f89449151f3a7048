# Under valgrind (make valgrind-hostile) a few rounds show a leak as well as many, at a fraction of the time.
if [[ -n ${HOSTILE_VALGRIND:-} ]]; then sed -i "s/for i = 1, [0-9]* do/for i = 1, 3 do/" *.lua; fi
