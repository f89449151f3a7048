printf '#!/bin/sh\nprintf "kehoach: wrote out.pdf\\033[2K\\r\\nError: \\033]0;owned\\007 \\342\\200\\256txt.exe\\n"\nexit 1\n' >"$W/bad"
chmod +x "$W/bad"
