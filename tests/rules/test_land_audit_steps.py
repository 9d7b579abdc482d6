"""LAND audit_payments step by step: per branch the rule ID, message key, inputs and notes."""
