import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "lib/",
      "dist/",
      "dist-online/",
      "certs/",
      "out/",
      "coverage/",
      "test-artifacts/",
      "samples/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // The engine is pure: the same code serves Excel, the command line and the browser.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "fs",
            "path",
            "node:*",
            "exceljs",
            "react",
            "react-dom",
            "@fluentui/*",
            "@microsoft/*",
            "office-*",
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window", "process", "require"],
    },
  },
  {
    // Outside the engine, the engine is entered through its facade (src/engine/index.ts) and nowhere else.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/engine/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/engine/*"],
              message: "Import the engine through its facade (src/engine/index.ts), not its internals.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        exports: "writable",
        process: "readonly",
        __dirname: "readonly",
        __filename: "readonly",
        console: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        URL: "readonly",
      },
    },
  },
);
