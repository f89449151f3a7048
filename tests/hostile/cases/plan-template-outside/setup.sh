printf 'error("%s")\n' "$SECRET" > "$W/evil.lua"
mkdir -p sub
case $VARIANT in
  abs) t=$W/evil.lua ;;
  dotdot) t=../evil.lua ;;
  subdotdot) t=sub/../../evil.lua ;;
esac
sed -i "s|^return {|return {\n  template = \"$t\",|" plan.lua
