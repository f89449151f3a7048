# bash completion for kehoach(1); installed as share/bash-completion/completions/kehoach.
# The option lists follow each command's --help (tests/integration/completion.sh compares them).

_kehoach_commands="render check new templates --help --version"
_kehoach_opts_render="-o --output -O --output-dir -t --template --part --format --pdf-version --soffice --max-memory --max-instructions --max-seconds -v --verbose -h --help"
_kehoach_opts_check="--format --fix -h --help"
_kehoach_opts_new="--year -o --output --shift-ranges -n --dry-run -h --help"
_kehoach_opts_templates="-h --help"
_kehoach_formats_render="docx odt pdf"
_kehoach_formats_check="text json"
_kehoach_pdf_versions="pdf-a-2b pdf-a-3b pdf-a-1a 1.6 1.5"

# Words of a list that start with the word being completed.
_kehoach_words() {
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

# Append file names (or folders, with -d) that start with CUR; shown as file names.
_kehoach_files() {
    local kind=${2:--f}
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen "$kind" -- "$1")
    compopt -o filenames 2>/dev/null
}

# A plan: the folders that hold plan.lua (all folders when none of them does) and .lua files.
_kehoach_plans() {
    local cur=$1 dir plans=() others=()
    while IFS= read -r dir; do
        if [[ -f $dir/plan.lua ]]; then plans+=("$dir"); else others+=("$dir"); fi
    done < <(compgen -d -- "$cur")
    if ((${#plans[@]})); then COMPREPLY=("${plans[@]}"); else COMPREPLY=("${others[@]}"); fi
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -X '!*.lua' -- "$cur")
    compopt -o filenames 2>/dev/null
}

# A template: the names `kehoach templates` lists (its first column, up to the blank line before
# the installed folder's line), .lua files and folders on the way to them.
_kehoach_templates() {
    local kh=$1 cur=$2
    mapfile -t COMPREPLY < <(compgen -W "$("$kh" templates 2>/dev/null | awk 'NF == 0 { exit } { print $1 }')" -- "$cur")
    _kehoach_files "$cur" -d
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -X '!*.lua' -- "$cur")
}

_kehoach() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local kh=${COMP_WORDS[0]} cmd=${COMP_WORDS[1]} opts
    kh=${kh/#\~/$HOME}
    [[ -x $kh ]] || kh=$(type -P "$kh") || kh=kehoach   # the kehoach being typed, for its templates
    COMPREPLY=()
    if ((COMP_CWORD == 1)); then
        _kehoach_words "$_kehoach_commands" "$cur"
        return
    fi
    case $cmd in
        render)
            opts=$_kehoach_opts_render
            case $prev in
                -o | --output) _kehoach_files "$cur"; return ;;
                -O | --output-dir) _kehoach_files "$cur" -d; return ;;
                -t | --template) _kehoach_templates "$kh" "$cur"; return ;;
                --part) _kehoach_words "all body appendices" "$cur"; return ;;
                --format) _kehoach_words "$_kehoach_formats_render" "$cur"; return ;;
                --pdf-version) _kehoach_words "$_kehoach_pdf_versions" "$cur"; return ;;
                --soffice) _kehoach_files "$cur"; return ;;   # a program's path
                --max-memory | --max-instructions | --max-seconds) return ;;   # a number
            esac ;;
        check)
            opts=$_kehoach_opts_check
            [[ $prev == --format ]] && { _kehoach_words "$_kehoach_formats_check" "$cur"; return; } ;;
        new)
            opts=$_kehoach_opts_new
            case $prev in
                --year) _kehoach_words "$(date +%Y) $(($(date +%Y) + 1))" "$cur"; return ;;
                -o | --output) _kehoach_files "$cur" -d; return ;;
            esac ;;
        templates)
            _kehoach_words "$_kehoach_opts_templates" "$cur"
            return ;;
        *) return ;;
    esac
    if [[ $cur == -* ]]; then
        _kehoach_words "$opts" "$cur"
    else
        _kehoach_plans "$cur"
    fi
}
complete -F _kehoach kehoach
