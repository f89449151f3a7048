local s = string.rep("Kế hoạch ", 50 * 1000 * 1000 // 12)
return { subject = s }
