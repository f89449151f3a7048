printf '#!/bin/sh\nsleep 600 &\nwait\n' >"$W/hang"
chmod +x "$W/hang"
