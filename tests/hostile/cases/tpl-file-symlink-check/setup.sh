mkdir "$W/outside"
printf 'error("%s")\n' "$SECRET" >"$W/outside/t.lua"
case $VARIANT in
  lua) ln -s "$W/outside/t.lua" t.lua ;;
  passwd) ln -s /etc/passwd t.lua ;;
esac
sed -i 's|^return {|return {\n  template = "t.lua",|' plan.lua
