// The languages a person reads: Vietnamese (the default) and English.
export type Lang = "vi" | "en";
