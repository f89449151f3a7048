error("one\r\ntwo \u{9B}2J \u{2066}x\u{2069} \u{2028}three", 0)
