printf 'return require("nd30")\n' > "$W/evil.lua"
case $VARIANT in
  abs) t=$W/evil.lua ;;
  dotdot) t=../evil.lua ;;
esac
sed -i "s|^return {|return {\n  template = \"$t\",|" plan.lua
