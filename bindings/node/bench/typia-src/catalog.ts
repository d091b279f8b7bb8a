// typia's validator for the CatalogJSON types of index.d.ts (structure and types; the ranges
// and lengths live in doc comments there, which typia does not read).
import typia from 'typia'
import type { Catalog } from '../../index.js'

export const validate = typia.createValidate<Catalog>()
