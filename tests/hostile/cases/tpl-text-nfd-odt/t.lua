-- Vietnamese typed decomposed (NFD) in a text field a template passes: NFD is built from the
-- base letters and combining marks, so this file itself is plain ASCII.
local nfd = "Ke\u{0302}\u{0301} hoa\u{0323}ch thu\u{031B}\u{0323}c hie\u{0302}\u{0323}n"
return { render = function(plan, doc)
  FIELD
  doc:section{}
  doc:paragraph("Kết thúc")
end }
