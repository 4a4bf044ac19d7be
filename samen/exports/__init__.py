"""Export files (CSV and XLSX) for every module: see `samen.exports.files`."""
