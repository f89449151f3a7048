return {{{
