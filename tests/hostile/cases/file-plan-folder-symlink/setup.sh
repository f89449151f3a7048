cd "$W" && mv plan real-plan && ln -s real-plan plan
