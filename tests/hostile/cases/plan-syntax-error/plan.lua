return {
  agency = "SỞ XÂY DỰNG" +,
}
