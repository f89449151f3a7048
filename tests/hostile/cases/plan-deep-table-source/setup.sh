# plan.lua = return {{{…10,000…}}}
{ printf 'return '; printf '{%.0s' $(seq 10000); printf '}%.0s' $(seq 10000); echo; } > plan.lua
