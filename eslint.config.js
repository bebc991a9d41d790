import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "tmp/",
      ".bygg/",
      "dist/",
      "dist-*/",
      "data/",
      "src/.observablehq/",
      "publicerat/",
      "**/*.md"
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {ecmaVersion: 2022, sourceType: "module"},
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", {argsIgnorePattern: "^_", varsIgnorePattern: "^_"}],
      "no-restricted-imports": [
        "error",
        {patterns: [{group: ["npm:*"], message: "Importera med paketnamn (offline-regel)."}]}
      ]
    }
  },
  {
    // Loaders run in Node and must not depend on DOM components; what both need lives in src/lib/.
    files: ["data-loaders/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {group: ["npm:*"], message: "Importera med paketnamn (offline-regel)."},
            {
              group: ["**/src/components/**", "**/components/*"],
              message: "data-loaders/ får inte importera sidkomponenter; lägg delad kod i src/lib/."
            }
          ]
        }
      ]
    }
  }
);
