namespace CentralDispatch.Testing.Tls;

/// <summary>The key algorithm of a test certificate. ECDSA P-256 is the default: an RSA 2048 key takes far longer to make.</summary>
public enum TestKeyType
{
    EcdsaP256,
    Rsa2048,
}
