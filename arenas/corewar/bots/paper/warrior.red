;redcode-94
;name Paper
;author codearena, after Juha Pohjalainen's Silk (1994)
;strategy A replicator: eight processes copy the code to a new place 3620 cells on, one cell
;strategy each, and split there, so the copy starts its own copy while the old one bombs the
;strategy core. Each copy is a full warrior, so paper is hard to kill, but it kills slowly.
;assert CORESIZE == 8000 && MAXPROCESSES >= 8

        spl     1               ; 2 processes
        spl     1               ; 4
        spl     1               ; 8
silk    spl     3620, #0        ; a process to the new copy (its A-field moves on as we copy)
        mov.i   >silk, }silk    ; copy one cell of ourselves there
        mov.i   bomb, >1001     ; and bomb as we go
        mov.i   bomb, }2042
        jmp     silk
bomb    dat     >2667, >5334
        end
