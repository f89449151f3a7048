mkdir "$W/outside"
sed "s|Cải thiện|$SECRET|" plan.lua >"$W/outside/plan.lua"
printf '%s:x:0:0:root:/root:/bin/sh\n' "$SECRET" >"$W/outside/passwd"
rm plan.lua
case $VARIANT in
  plan) ln -s "$W/outside/plan.lua" plan.lua ;;
  passwd) ln -s "$W/outside/passwd" plan.lua ;;
esac
